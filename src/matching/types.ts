// Plain data contract of the matching engine. The API layer maps entities to these shapes (already
// filtered to what the viewer may see); the engine never touches the database or GraphQL.

export type Level = 'BASIC' | 'PROFICIENT' | 'EXPERT';
export type Priority = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
export type LocationPrecision = 'EXACT' | 'CITY' | 'REGION' | 'COUNTRY';

export interface EngineCapability {
  skillId: string;
  skillName: string;
  categoryId: string;
  categoryName: string;
  level: Level;
  remote: boolean;
  capacity: number | null;
}

export interface EngineNeed {
  id: string;
  skillId: string;
  skillName: string;
  categoryId: string;
  categoryName: string;
  priority: Priority;
  remoteOk: boolean;
  issueAreaId: string | null;
}

/** Already coarsened to what the viewer may see. */
export interface EngineLocation {
  lat: number;
  lng: number;
  precision: LocationPrecision;
}

export interface EngineOrg {
  id: string;
  name: string;
  /** e.g. 'NGO','COMMUNITY_GROUP','FAITH_BASED','LEGAL_AID','MEDIA','UNION','NETWORK','ACADEMIC','FOUNDATION' */
  kind: string;
  /** true for grassroots/community groups */
  communityBased: boolean;
  /** ISO 3166-1 alpha-2 */
  country: string | null;
  location: EngineLocation | null;
  issueAreaIds: string[];
  issueAreaNames?: Record<string, string>;
  /** ISO 639-1 */
  languages: string[];
  capabilities: EngineCapability[];
  /** OPEN needs only */
  needs: EngineNeed[];
  /** kinds this org refuses to partner with */
  dealbreakerKinds: string[];
  /** specific orgs it refuses */
  dealbreakerOrgIds?: string[];
  /** pending introduction/offer requests received (saturation) */
  pendingRequests: number;
  verified: boolean;
}

/** Past collaborations / coalition co-membership, undirected. */
export interface TrustGraph {
  collaborators: ReadonlyMap<string, ReadonlySet<string>>;
  names?: ReadonlyMap<string, string>;
  /** Organizations sharing a current coalition with the requester (its side only: no two-hop through coalitions). */
  coalitionPeers?: ReadonlySet<string>;
  /**
   * The requester's own history with organizations it worked with directly, by their id (its side only, never a
   * third party's): whether they exchanged skills (an offer request done, either way) and the ratings the
   * requester itself gave their done exchanges and collaborations.
   */
  history?: ReadonlyMap<string, PairHistory>;
}

export interface PairHistory {
  /** A skill exchange between the two is done (accepted, and marked done or past the offer's end). */
  exchanged: boolean;
  /** Sum and count of the requester's own ratings (1..5) of exchanges and collaborations with the organization. */
  ratingSum: number;
  ratingCount: number;
}

export interface Reason {
  code: string;
  text: string;
  weight: number;
}

/** All parts are from the requester's point of view ("their" = the candidate). */
export interface ScoreParts {
  /** 0..1: share of the candidate's weighted open needs the requester covers */
  coversTheirNeeds: number;
  /** 0..1: share of the requester's weighted open needs the candidate covers */
  coveredByThem: number;
  /** 0..1: shared issue areas, count-based and capped */
  sharedIssues: number;
  /** 0..1: closeness, where needs met remotely count as fully close */
  proximity: number;
  /** 0 or 1: at least one shared language */
  language: number;
  /** 0..1: direct collaboration and friends in common */
  trust: number;
  /** >= 0, subtracted from the score */
  saturationPenalty: number;
}

export interface PartnerSuggestion {
  orgId: string;
  score: number;
  parts: ScoreParts;
  reasons: Reason[];
  distanceKm: number | null;
  distanceBand: string | null;
}

/** Tunable weights of the partner score; every field has a default (see weights.ts). */
export interface PartnerWeights {
  /** weight of the combined (mutual) need coverage */
  needs: number;
  /** extra for balanced two-way benefit: mutualBonus * sqrt(coversTheirNeeds * coveredByThem) */
  mutualBonus: number;
  sharedIssues: number;
  proximity: number;
  language: number;
  trust: number;
  /** penalty = saturation * ln(1 + pendingRequests) */
  saturation: number;
}

export interface ScoreOptions {
  weights?: Partial<PartnerWeights>;
}

export interface SuggestOptions extends ScoreOptions {
  limit?: number;
  minScore?: number;
}

export interface CoalitionInput {
  candidates: EngineOrg[];
  requiredCategoryIds: string[];
  issueAreaId: string | null;
  minSize: number;
  maxSize: number;
  mustInclude: string[];
  requireCommunityBased: boolean;
  alternatives: number;
  trust: TrustGraph;
  /**
   * Organizations whose dealbreakers the asker may not know. Between two mustInclude members these are not
   * enforced (the asker chose the pair; refusing it would tell whose dealbreaker it is); against any other
   * candidate they still keep the pair apart, silently.
   */
  privateDealbreakerIds?: string[];
}

export interface CoverageCell {
  categoryId: string;
  orgId: string | null;
  level: Level | null;
  skillName: string | null;
}

export interface CoalitionAlternative {
  memberIds: string[];
  score: number;
  coverage: CoverageCell[];
  /** categoryIds nobody covers */
  gaps: string[];
  /** 0..1, 1 = roles evenly spread (from the max share of covered categories led by one member) */
  balance: number;
  /** raw cohesion term of the objective (pairwise affinity + issue-area match) */
  cohesion: number;
  compatible: boolean;
  /** false when the work budget ran out while this alternative was searched: feasible, maybe not the best */
  complete: boolean;
  reasons: Reason[];
}

export interface GapFillers {
  categoryId: string;
  orgIds: string[];
}
