import { categoryWords, meetingDateWords, statusWords } from './agendaWords';
import type { AgendaView } from './meetingViews.dto';

/** The agenda page's own policy: its style sheet from this origin, nothing else at all (no script, no inline style). */
export const AGENDA_PAGE_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Where the agenda's style sheet is served: built from apps/web/src/agenda/agenda.css into dist/web. */
export const AGENDA_STYLESHEET = '/web/agenda.css';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every value put in the page goes through here: text and attributes alike. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => ENTITIES[character]);

/**
 * The printable agenda (GET /meetings/:id/agenda.html): the area board, the date and venue, each
 * issue put to it numbered with its reference, title, category, status, report and any decision
 * taken, then the standing items. It is built from the agenda's view alone, which holds nothing
 * personal: no resident's name, contact details or address can reach it.
 */
export function renderAgendaHtml(areaName: string, agenda: AgendaView): string {
  const { meeting, items, standingItems } = agenda;
  const date = meetingDateWords(meeting.date);
  const numbered = [
    ...items.map(
      (item, index) => `
      <li class="item" id="item-${index + 1}">
        <h3><span class="item-number">${index + 1}.</span> <span class="reference">${escapeHtml(item.reference)}</span> ${escapeHtml(item.title)}</h3>
        <dl class="item-facts">
          <div><dt>Category</dt><dd>${escapeHtml(categoryWords(item.category))}</dd></div>
          <div><dt>Status</dt><dd>${escapeHtml(statusWords(item.status))}</dd></div>${
            item.decision === undefined ? '' : `\n          <div><dt>Decision</dt><dd class="decision">${escapeHtml(item.decision)}</dd></div>`
          }
        </dl>
        <h4>Report</h4>
        <p class="report">${escapeHtml(item.report)}</p>
      </li>`,
    ),
    ...standingItems.map(
      (item, index) => `
      <li class="item standing-item">
        <h3><span class="item-number">${items.length + index + 1}.</span> ${escapeHtml(item.title)}</h3>
        <p>${escapeHtml(item.description)}</p>
      </li>`,
    ),
  ];
  return `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Agenda: ${escapeHtml(areaName)}, ${escapeHtml(date)}</title>
  <link rel="stylesheet" href="${AGENDA_STYLESHEET}">
</head>
<body>
  <main class="agenda">
    <header class="agenda-header">
      <p class="board">${escapeHtml(areaName)}</p>
      <h1>Agenda</h1>
      <dl class="meeting-facts">
        <div><dt>Date</dt><dd>${escapeHtml(date)}</dd></div>
        <div><dt>Venue</dt><dd>${escapeHtml(meeting.venue)}</dd></div>
      </dl>
    </header>
    <section aria-labelledby="items-heading">
      <h2 id="items-heading">Items</h2>
      ${items.length === 0 ? '<p class="no-items">No issues have been put to this meeting.</p>' : ''}
      <ol class="items">${numbered.join('')}
      </ol>
    </section>
  </main>
</body>
</html>
`;
}
