import { escapeHtml, renderAgendaHtml } from './agendaHtml';
import { meetingDateWords } from './agendaWords';
import type { AgendaView } from './meetingViews.dto';
import { STANDING_ITEMS } from './standingItems';

const agenda = (overrides: Partial<AgendaView> = {}): AgendaView => ({
  meeting: { id: 'm-1', areaId: 'trowbridge', date: '2026-12-03', venue: 'County Hall' },
  items: [
    { reference: 'TROW-2026-00001', title: 'Pothole on Castle Street', category: 'highways', report: 'Residents ask\nfor a repair.', status: 'boardReview' },
    { reference: 'TROW-2026-00002', title: 'Bins', category: 'community-safety', report: 'Missed.', status: 'referred', decision: 'Referred to Wiltshire Waste' },
  ],
  standingItems: STANDING_ITEMS.map((item) => ({ ...item })),
  asOfPosition: 7,
  ...overrides,
});

describe('the printable agenda', () => {
  it('names the board, the date and the venue, then numbers the items and the standing item after them', () => {
    const html = renderAgendaHtml('Trowbridge Area Board', agenda());
    expect(html).toContain('<title>Agenda: Trowbridge Area Board, Thursday 3 December 2026</title>');
    expect(html).toContain('<p class="board">Trowbridge Area Board</p>');
    expect(html).toContain('<dd>County Hall</dd>');
    expect(html).toMatch(/1\.<\/span> <span class="reference">TROW-2026-00001<\/span> Pothole on Castle Street/);
    expect(html).toMatch(/2\.<\/span> <span class="reference">TROW-2026-00002<\/span> Bins/);
    expect(html).toMatch(/3\.<\/span> Matters of local concern/);
    expect(html).toContain('<dd>Highways</dd>');
    expect(html).toContain('<dd>Community safety</dd>');
    expect(html).toContain('<dd>Board review</dd>');
    expect(html).toContain('<dd class="decision">Referred to Wiltshire Waste</dd>');
    expect(html.match(/class="decision"/g)).toHaveLength(1);
  });

  it('links its style sheet and holds no script and no inline style', () => {
    const html = renderAgendaHtml('Trowbridge Area Board', agenda());
    expect(html).toContain('<link rel="stylesheet" href="/web/agenda.css">');
    expect(html).not.toMatch(/<script|<style|\sstyle=/i);
  });

  it('escapes every value it shows', () => {
    const hostile = '<script>alert("x")</script> & \'quoted\'';
    const html = renderAgendaHtml(hostile, {
      ...agenda(),
      meeting: { id: 'm-1', areaId: 'trowbridge', date: '2026-12-03', venue: hostile },
      items: [{ reference: hostile, title: hostile, category: hostile, report: hostile, status: hostile, decision: hostile }],
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('"x"');
    expect(html.split(escapeHtml(hostile)).length - 1).toBeGreaterThanOrEqual(7);
    expect(escapeHtml(hostile)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;');
  });

  it('says when no issue has been put to the meeting, and still lists the standing item', () => {
    const html = renderAgendaHtml('Calne Area Board', agenda({ items: [] }));
    expect(html).toContain('No issues have been put to this meeting.');
    expect(html).toMatch(/1\.<\/span> Matters of local concern/);
  });

  it('gives a date-time in London time', () => {
    expect(meetingDateWords('2026-12-03T18:30:00.000Z')).toBe('Thursday 3 December 2026, 6:30 pm');
    expect(meetingDateWords('2026-06-04T18:00:00.000Z')).toBe('Thursday 4 June 2026, 7:00 pm');
    expect(meetingDateWords('2026-06-04')).toBe('Thursday 4 June 2026');
  });
});
