import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RESIDENT_LANGUAGES, type ResidentLanguage } from '@app/lifecycle';
import { type MessageContext, NOTIFYING_EVENTS, type NotifyingEvent } from '../messageKinds';
import { answerLinks, ResidentLinks } from '../residentLinks';
import { dateInWords } from './dateInWords';
import { bundledTemplatesDir, loadMessageTemplates } from './messageTemplates';

const renderer = loadMessageTemplates();
const token = new ResidentLinks('a-test-secret').sign({ issueId: 'issue-1', reference: 'CALN-2026-00042', tokenId: 'message-1', issuedAt: new Date('2026-11-24T10:00:00Z') });
const links = answerLinks('https://issues.example.gov.uk/', 'CALN-2026-00042', token);

/** Every field filled, in the resident's language, as the dispatcher fills it. */
function fullContext(language: ResidentLanguage): MessageContext {
  const welsh = language === 'cy';
  return {
    reference: 'CALN-2026-00042',
    title: welsh ? 'Dŵr yn gollwng ar Stryd yr Eglwys' : 'Water leaking on Church Street',
    residentName: welsh ? 'Gwen Ŵyn Jones' : 'Sam Smith',
    trackerUrl: `https://issues.example.gov.uk/track/CALN-2026-00042?lang=${language}`,
    occurredAt: '2026-11-24T10:00:00.000Z',
    occurredOn: dateInWords('2026-11-24T10:00:00.000Z', language),
    meeting: { date: '2026-12-12', dateText: dateInWords('2026-12-12', language), venue: welsh ? 'Neuadd y Dref' : 'Calne Town Hall', agendaUrl: 'https://example.gov.uk/agenda/42' },
    serviceProvider: welsh ? 'Dŵr Cymru' : 'Wessex Water',
    message: welsh ? 'Diolch am godi hyn.' : 'Thank you for raising this.',
    outcome: welsh ? 'Rydym wedi trwsio’r bibell.' : 'We mended the pipe.',
    ...links,
    reason: welsh ? 'Mae’r dŵr yn gollwng eto.' : 'The water is leaking again.',
    councilName: welsh ? 'Cyngor Sir Powys' : 'Wiltshire Council',
  };
}

/** What each message must say besides the reference and the resident's name. */
const SAYS: Readonly<Record<NotifyingEvent, (context: MessageContext) => string[]>> = {
  IssueLogged: (c) => [c.trackerUrl, c.title],
  BoardReviewScheduled: (c) => [c.meeting!.dateText, c.meeting!.venue!, c.meeting!.agendaUrl!],
  IssueReferred: (c) => [c.serviceProvider!],
  OutcomeFedBack: (c) => [c.message!, c.outcome!, c.confirmUrl!, c.disputeUrl!, '60'],
  IssueReopened: (c) => [c.reason!],
};

/** The fields each step's event always carries (the meeting's date, the provider, ...). */
const ALWAYS: Readonly<Record<NotifyingEvent, (context: MessageContext) => Partial<MessageContext>>> = {
  IssueLogged: () => ({}),
  BoardReviewScheduled: (c) => ({ meeting: { date: c.meeting!.date, dateText: c.meeting!.dateText } }),
  IssueReferred: (c) => ({ serviceProvider: c.serviceProvider }),
  OutcomeFedBack: (c) => ({ message: c.message, outcome: c.outcome, confirmUrl: c.confirmUrl, disputeUrl: c.disputeUrl }),
  IssueReopened: (c) => ({ reason: c.reason }),
};

/** The text of an HTML document as a reader sees it (tags dropped, entities decoded). */
const decode = (html: string): string =>
  html.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/&(lt|gt|quot|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[name]!);
const visibleText = (html: string): string =>
  decode(html.replace(/<\/?(strong|a)\b[^>]*>/g, '').replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ');
const hrefs = (html: string): string[] => [...html.matchAll(/href="([^"]*)"/g)].map((match) => decode(match[1]));

describe('message templates', () => {
  describe.each(RESIDENT_LANGUAGES)('in %s', (language) => {
    const context = fullContext(language);

    it.each(NOTIFYING_EVENTS)('%s has a subject, a plain text and an HTML body saying what the step means', (event) => {
      const message = renderer.render(event, language, context);
      expect(message.subject).toContain(context.reference);
      expect(message.subject).not.toMatch(/\n|\{\{|undefined/);
      for (const body of [message.text, visibleText(message.html)]) {
        expect(body).toContain(context.reference);
        expect(body).toContain(context.residentName);
        expect(body).toContain(context.councilName);
        for (const said of SAYS[event](context).filter((s) => !s.startsWith('http'))) expect(body).toContain(said);
        expect(body).not.toMatch(/\{\{|undefined|\[object Object\]/);
      }
      for (const url of SAYS[event](context).filter((s) => s.startsWith('http'))) {
        expect(message.text).toContain(url);
        expect(hrefs(message.html)).toContain(url);
      }
      expect(message.html).toMatch(new RegExp(`^<!DOCTYPE html>\\n<html lang="${language}">`));
      expect(message.html).toContain(`<title>${message.subject}</title>`);
    });

    it.each(NOTIFYING_EVENTS)('%s reads well with only the fields its step always has (no venue, agenda or council name)', (event) => {
      const { reference, title, residentName, trackerUrl, occurredAt, occurredOn } = context;
      const always = { reference, title, residentName, trackerUrl, occurredAt, occurredOn, ...ALWAYS[event](context) };
      const message = renderer.render(event, language, always);
      for (const body of [message.subject, message.text, visibleText(message.html)]) {
        expect(body).not.toMatch(/undefined|null|\{\{| ,| \./);
        expect(body).not.toMatch(/Venue|Lleoliad|agenda online|agenda ar-lein/);
      }
      expect(message.text).toContain(language === 'cy' ? 'Tîm materion trigolion' : "The residents' issues team");
    });
  });

  it('the outcome message carries both answer links exactly, each once in the text and as a link in the HTML', () => {
    for (const language of RESIDENT_LANGUAGES) {
      const message = renderer.render('OutcomeFedBack', language, fullContext(language));
      for (const url of [links.confirmUrl, links.disputeUrl]) {
        expect(message.text.split('\n').filter((line) => line === url)).toHaveLength(1);
        expect(hrefs(message.html).filter((href) => href === url)).toHaveLength(1);
      }
    }
    const english = renderer.render('OutcomeFedBack', 'en', fullContext('en')).text;
    expect(english).toContain('Each link works once only, for 60 days');
    expect(english).toMatch(/You said:\nWater leaking on Church Street\n\nWe did:\nWe mended the pipe\./);
  });

  it('escapes what residents and staff wrote in the HTML, and keeps it as written in the subject and text', () => {
    const hostile = '<script>alert("x")</script> & <b>bold</b>';
    const context: MessageContext = {
      ...fullContext('en'),
      title: `Light ${hostile}`,
      residentName: `Sam ${hostile}`,
      serviceProvider: `Provider ${hostile}`,
      message: `Message ${hostile}\nsecond line`,
      outcome: `Outcome ${hostile}`,
      reason: `Reason ${hostile}`,
      meeting: { date: '2026-12-12', dateText: '12 December 2026', venue: `Hall ${hostile}` },
    };
    for (const language of RESIDENT_LANGUAGES) {
      for (const event of NOTIFYING_EVENTS) {
        const message = renderer.render(event, language, context);
        expect(message.html).not.toMatch(/<script|<b>/);
        expect(message.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
        expect(message.text).toContain(`Sam ${hostile}`);
        expect(visibleText(message.html)).toContain(`Sam ${hostile}`);
      }
      expect(renderer.render('IssueReferred', language, context).subject).toContain(`Provider ${hostile}`);
      expect(renderer.render('OutcomeFedBack', language, context).html).toContain('Message &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;<br>\nsecond line');
    }
  });

  it('writes to Welsh residents in Welsh, with Welsh dates', () => {
    const context = fullContext('cy');
    const english = /\b(dear|yours|sincerely|reference|issue|outcome|resolved|link|links|board|meeting|thank|we|you|the|and|your)\b/i;
    for (const event of NOTIFYING_EVENTS) {
      const welsh = renderer.render(event, 'cy', context);
      for (const body of [welsh.subject, welsh.text, visibleText(welsh.html)]) {
        expect(body.replace(/https?:\/\/\S+/g, '')).not.toMatch(english);
        expect(body).toMatch(/cyfeirnod/i);
      }
      expect(welsh.text).toMatch(/^Annwyl Gwen Ŵyn Jones,$/m);
      expect(welsh.text).toMatch(/^Yn gywir,$/m);
    }
    expect(renderer.render('IssueLogged', 'cy', context).text).toContain('Cafodd ei gofnodi ar 24 Tachwedd 2026.');
    expect(renderer.render('IssueLogged', 'cy', context).text).toContain("ynglŷn â'r mater hwn");
    expect(renderer.render('BoardReviewScheduled', 'cy', context).subject).toBe('Bydd eich bwrdd ardal yn trafod eich mater ar 12 Rhagfyr 2026 – cyfeirnod CALN-2026-00042');
    const outcome = renderer.render('OutcomeFedBack', 'cy', context).text;
    expect(outcome).toContain(`Cadarnhau ei fod wedi'i ddatrys:\n${links.confirmUrl}`);
    expect(outcome).toContain(`Anghytuno – nid yw wedi'i ddatrys (byddwn yn ailagor eich mater):\n${links.disputeUrl}`);
    expect(outcome).toContain('Dim ond unwaith y mae modd defnyddio pob dolen, a hynny am 60 diwrnod');
  });
});

describe('loading a council’s templates', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'templates-'));
    cpSync(bundledTemplatesDir(), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const edit = (name: string, change: (source: string) => string) => writeFileSync(join(dir, name), change(readFileSync(join(dir, name), 'utf8')));
  const loadError = (): string => {
    try {
      loadMessageTemplates(dir);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('the templates loaded');
  };

  it('uses an edited copy as it is', () => {
    edit('en/IssueLogged.subject.hbs', () => 'Thanks! Your reference is {{reference}}');
    expect(loadMessageTemplates(dir).render('IssueLogged', 'en', fullContext('en')).subject).toBe('Thanks! Your reference is CALN-2026-00042');
  });

  it('refuses at once a folder with a missing file or a syntax error, naming every file at fault', () => {
    rmSync(join(dir, 'cy', 'OutcomeFedBack.html.hbs'));
    edit('en/IssueReopened.text.hbs', (source) => source.replace('{{reason}}', '{{reason}'));
    const message = loadError();
    expect(message).toContain(`${join(dir, 'cy', 'OutcomeFedBack.html.hbs')} is missing`);
    expect(message).toContain(`${join(dir, 'en', 'IssueReopened.text.hbs')}: Parse error on line`);
    expect(message.match(/^- /gm)).toHaveLength(2);
  });

  it('refuses a misspelt field, an unknown helper, a broken layout and a value printed unescaped in HTML', () => {
    edit('en/IssueLogged.text.hbs', (source) => source.replace('{{reference}}', '{{refrence}}'));
    edit('cy/IssueReferred.subject.hbs', (source) => `{{#iff serviceProvider}}x{{/iff}}${source}`);
    edit('en/IssueReferred.html.hbs', (source) => source.replace('{{title}}', '{{{title}}}'));
    edit('cy/layout.html.hbs', (source) => source.replace('{{> @partial-block}}', '{{#if}}'));
    const message = loadError();
    expect(message).toMatch(new RegExp(`${join(dir, 'en', 'IssueLogged.text.hbs')}: "refrence" not defined - \\d+:\\d+\n`));
    expect(message).toContain(`${join(dir, 'cy', 'IssueReferred.subject.hbs')}: "iff" not defined - 1:3`);
    expect(message).toMatch(new RegExp(`${join(dir, 'en', 'IssueReferred.html.hbs')}: line \\d+ prints a value unescaped`));
    expect(message).toContain(`${join(dir, 'cy', 'layout.html.hbs')}:`);
    // The Welsh HTML bodies are not blamed for their broken layout.
    expect(message).not.toContain(join(dir, 'cy', 'IssueLogged.html.hbs'));
  });

  it('names the folder when it does not exist', () => {
    rmSync(dir, { recursive: true });
    expect(loadError()).toContain(`${join(dir, 'en', 'layout.text.hbs')} is missing`);
  });
});
