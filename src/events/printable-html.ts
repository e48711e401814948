import type { EventRow } from './event-view.js';
import type { EventAgenda, EventCounterpart } from './event.types.js';
import { html, Html } from './html.js';
import { clockTime, partyLabel, type ScheduleExport } from './schedule-export.js';

// Printable documents: one attendee's agenda (with its check-in code) and the organizers' sheet (every round, then
// the door list). Plain HTML with print CSS (A4, rounds never split across pages, table headers repeated), no
// script and no external resource; every value is escaped (html.ts).

const STYLE = `
  :root { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; color: #111; }
  body { margin: 24px; font-size: 11pt; }
  h1 { font-size: 18pt; margin: 0 0 4px; }
  h2 { font-size: 13pt; margin: 18px 0 6px; }
  .meta { color: #444; margin: 0 0 12px; }
  .code { display: inline-block; border: 2px solid #111; padding: 6px 14px; font: bold 20pt monospace; letter-spacing: 4px; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 10px; }
  th, td { border: 1px solid #999; padding: 4px 6px; text-align: left; vertical-align: top; }
  th { background: #eee; }
  .reasons { color: #333; font-size: 9pt; margin: 2px 0 0; padding-left: 14px; }
  .break { color: #666; font-style: italic; }
  .round { break-inside: avoid; page-break-inside: avoid; }
  @page { size: A4; margin: 14mm; }
  @media print {
    body { margin: 0; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    .door { break-before: page; page-break-before: always; }
  }`;

function page(title: string, body: Html): string {
  return html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${title}</title><style>${new Html(STYLE)}</style></head>
<body>${body}</body></html>`.value;
}

function when(row: EventRow, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(row.startsAt);
  return `${day}, ${clockTime(row.startsAt, timeZone)}-${clockTime(row.endsAt, timeZone)} (${timeZone})`;
}

function where(row: EventRow): string {
  if (row.online) return 'Online';
  return [row.venue, row.city, row.region, row.country?.trim()].filter(Boolean).join(', ');
}

function counterpart(c: EventCounterpart): Html {
  return html`<strong>${partyLabel(c)}</strong>${c.people.length ? html`<br>${c.people.join(', ')}` : ''}
    ${c.reasons.length ? html`<ul class="reasons">${c.reasons.map((r) => html`<li>${r.text}</li>`)}</ul>` : ''}`;
}

/** One attendee's agenda (the event row is read by a registrant, who sees the exact place). */
export function agendaHtml(row: EventRow, agenda: EventAgenda, timeZone: string): string {
  const me = agenda.registration;
  const name = partyLabel(me);
  const rows = agenda.items.map((item) => html`<tr class="round">
      <td>${item.round}</td><td>${clockTime(item.startsAt, timeZone)}-${clockTime(item.endsAt, timeZone)}</td>
      <td>${item.table ?? ''}</td>
      <td>${item.sitOut ? html`<span class="break">Break</span>` : item.with.map(counterpart)}</td></tr>`);
  return page(`${row.title}: agenda of ${name}`, html`
    <h1>${row.title}</h1>
    <p class="meta">${when(row, timeZone)}<br>${where(row)}</p>
    <h2>Agenda of ${name}</h2>
    ${me.people.length ? html`<p>${me.people.join(', ')}</p>` : ''}
    <p>Check-in code: <span class="code">${me.checkInCode ?? '-'}</span></p>
    <table><thead><tr><th>Round</th><th>Time</th><th>Table</th><th>You meet</th></tr></thead><tbody>${rows}</tbody></table>`);
}

/** The organizers' sheet: every round with its meetings, then the door list with the check-in codes. */
export function organizerSheetHtml(row: EventRow, data: ScheduleExport, timeZone: string): string {
  const rounds = [...new Set(data.meetings.map((m) => m.round))].sort((a, b) => a - b);
  const side = (r: ScheduleExport['registrations'][number]) => html`<strong>${partyLabel(r)}</strong> <code>${r.checkInCode ?? ''}</code>
    ${r.people.length ? html`<br>${r.people.join(', ')}` : ''}`;
  const sections = rounds.map((round) => {
    const meetings = data.meetings.filter((m) => m.round === round);
    const first = meetings[0];
    return html`<section class="round"><h2>Round ${round}: ${clockTime(first.startsAt, timeZone)}-${clockTime(first.endsAt, timeZone)}</h2>
      <table><thead><tr><th>Table</th><th>Organization</th><th>Meets</th><th>Score</th><th>Why</th></tr></thead><tbody>
      ${meetings.map((m) => html`<tr><td>${m.table ?? ''}</td><td>${side(m.a)}</td><td>${side(m.b)}</td><td>${m.score.toFixed(2)}</td>
        <td><ul class="reasons">${m.reasonsA.map((t) => html`<li>${t}</li>`)}</ul></td></tr>`)}
      </tbody></table></section>`;
  });
  const door = data.registrations.map((r) => html`<tr><td>${partyLabel(r)}</td><td>${r.people.join(', ')}</td><td><code>${r.checkInCode ?? ''}</code></td>
    <td>${r.checkedInAt ? 'checked in' : r.noShowAt ? 'no-show' : ''}</td></tr>`);
  return page(`${row.title}: organizer sheet`, html`
    <h1>${row.title}</h1>
    <p class="meta">${when(row, timeZone)}<br>${where(row)}<br>${data.meetings.length} meetings, ${data.registrations.length} registrations</p>
    ${sections}
    <section class="door"><h2>Door list</h2>
    <table><thead><tr><th>Organization</th><th>People</th><th>Code</th><th>Arrival</th></tr></thead><tbody>${door}</tbody></table></section>`);
}
