// Turns a scored pair into a PartnerSuggestion with reasons a person can check against both profiles.
// Only called for the few suggestions actually returned, so it may allocate freely.
import { distanceWords, roundDistanceKm } from '../../privacy/location-rules.js';
import { coarserPrecision } from '../geo.js';
import { issueName, languageName, orgName, withArticle } from '../labels.js';
import { COALITION_TRUST, emptyParts, newTrace, scoreCandidate, type RequesterContext } from './partner-score.js';
import type { EngineOrg, PartnerSuggestion, Reason } from '../types.js';
import { PRIORITY_WEIGHT } from '../weights.js';

/** How the requester itself rated its past work with the candidate, in words; nothing when it did not rate. */
function ratingWords(mean: number | null): string {
  if (mean === null) return '';
  return mean >= 3.5 ? '; rated well' : mean <= 2.5 ? '; rated poorly' : '; rated fair';
}

export function buildSuggestion(ctx: RequesterContext, b: EngineOrg): PartnerSuggestion {
  const a = ctx.org;
  const trace = newTrace(a, b);
  const parts = emptyParts();
  const score = scoreCandidate(ctx, b, parts, trace);
  const w = ctx.weights;
  const reasons: Reason[] = [];

  // Each need's share of the score, so reason weights add up to roughly the score they explain.
  const inScale = ctx.needTotal > 0 ? (w.needs * 0.5) / ctx.needTotal : 0;
  a.needs.forEach((need, i) => {
    const ci = trace.inCap[i];
    if (ci < 0 || trace.inValue[i] <= 0) return;
    const cap = b.capabilities[ci];
    const how = trace.inExact[i] === 1
      ? `with ${withArticle(cap.level)} capability`
      : `with ${withArticle(cap.level)} related capability '${cap.skillName}' (${cap.categoryName})`;
    const remote = cap.remote ? ', offered remotely' : '';
    reasons.push({
      code: trace.inExact[i] === 1 ? 'COVERS_NEED' : 'COVERS_NEED_RELATED',
      text: `covers your ${need.priority} need '${need.skillName}' ${how}${remote}`,
      weight: trace.inValue[i] * inScale,
    });
  });

  const outTotal = b.needs.reduce((sum, n) => sum + PRIORITY_WEIGHT[n.priority], 0);
  const outScale = outTotal > 0 ? (w.needs * 0.5) / outTotal : 0;
  b.needs.forEach((need, i) => {
    const ci = trace.outCap[i];
    if (ci < 0 || trace.outValue[i] <= 0) return;
    const cap = a.capabilities[ci];
    const text = trace.outExact[i] === 1
      ? `they need '${need.skillName}' which you offer (${cap.level})`
      : `they need '${need.skillName}'; you offer related '${cap.skillName}' (${cap.level})`;
    reasons.push({ code: trace.outExact[i] === 1 ? 'MEETS_THEIR_NEED' : 'MEETS_THEIR_NEED_RELATED', text, weight: trace.outValue[i] * outScale });
  });

  if (parts.coversTheirNeeds > 0 && parts.coveredByThem > 0) {
    reasons.push({
      code: 'MUTUAL_BENEFIT',
      text: 'benefit flows both ways',
      weight: w.needs * w.mutualBonus * Math.sqrt(parts.coversTheirNeeds * parts.coveredByThem),
    });
  }

  const issueWeight = trace.sharedIssueIds.length > 0 ? (w.sharedIssues * parts.sharedIssues) / trace.sharedIssueIds.length : 0;
  for (const id of trace.sharedIssueIds) {
    reasons.push({ code: 'SHARED_ISSUE', text: `both work on ${issueName(id, a, b)}`, weight: issueWeight });
  }

  const precision = coarserPrecision(a, b);
  const band = distanceWords(trace.distanceKm, precision, a.country, b.country);
  if (band) reasons.push({ code: 'DISTANCE', text: band, weight: w.proximity * parts.proximity });

  // Worked together: a skill exchange says what kind of work; the requester's own ratings say how it went.
  const directPart = trace.directTrust ?? 0;
  const rated = ratingWords(trace.meanRating ?? null);
  if (trace.exchanged) reasons.push({ code: 'EXCHANGED_SKILLS', text: `you exchanged skills before${rated}`, weight: w.trust * directPart });
  else if (trace.direct) reasons.push({ code: 'WORKED_TOGETHER', text: `you have worked together before${rated}`, weight: w.trust * directPart });
  if (trace.coalition) reasons.push({ code: 'SAME_COALITION', text: 'you are members of the same coalition', weight: w.trust * COALITION_TRUST });
  const friendWeight = trace.friendIds.length > 0 ? (w.trust * (parts.trust - directPart)) / trace.friendIds.length : 0;
  for (const id of [...trace.friendIds].sort()) {
    reasons.push({ code: 'COMMON_PARTNER', text: `you both worked with ${orgName(id, ctx.trust)}`, weight: friendWeight });
  }

  if (trace.sharedLanguages.length > 0) {
    const names = trace.sharedLanguages.map(languageName);
    reasons.push({ code: 'SHARED_LANGUAGE', text: `speaks ${names.join(' and ')} like you`, weight: w.language * parts.language });
  }

  if (parts.saturationPenalty > 0) {
    reasons.push({
      code: 'SATURATED',
      // No count: pendingRequests is already a band (privacy/anonymous-card.ts), and the words name none.
      text: 'is answering many requests at the moment',
      weight: -parts.saturationPenalty,
    });
  }

  reasons.sort((x, y) => y.weight - x.weight || (x.text < y.text ? -1 : x.text > y.text ? 1 : 0));
  const distanceKm = roundDistanceKm(trace.distanceKm, precision);
  return { orgId: b.id, score, parts, reasons, distanceKm, distanceBand: band };
}
