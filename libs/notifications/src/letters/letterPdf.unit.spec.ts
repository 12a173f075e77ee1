import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMessageTemplates } from '../templates/messageTemplates';
import { SAMPLE_CONTEXT } from '../templates/sampleContext';
import { addressLines, type Letter, renderLetterPdf } from './letterPdf';

const renderer = loadMessageTemplates();
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'letters-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs poppler (pdftotext, pdfinfo) on the PDF, as a person reading or printing it would see it. */
function poppler(tool: 'pdftotext' | 'pdfinfo', pdf: Buffer, args: string[] = []): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync(tool, tool === 'pdftotext' ? [...args, file, '-'] : [file], { encoding: 'utf8' });
}
const pdfText = (pdf: Buffer, args: string[] = []) => poppler('pdftotext', pdf, ['-layout', ...args]);

function outcomeLetter(language: 'en' | 'cy', overrides: Partial<Letter> = {}): Letter {
  const context = { ...SAMPLE_CONTEXT, title: language === 'cy' ? 'Dŵr yn gollwng o’r tŷ gwag' : SAMPLE_CONTEXT.title };
  const message = renderer.render('OutcomeFedBack', language, context);
  return {
    language,
    residentName: 'Gwen Ŵyn Jones',
    postalAddress: 'Tŷ Newydd, 4 Heol y Bont\nLlanfair-ym-Muallt,  LD2 3AB',
    date: '2026-11-24T10:15:00.000Z',
    reference: context.reference,
    subject: message.subject,
    text: message.text,
    councilName: 'Cyngor Sir Powys',
    ...overrides,
  };
}

describe('renderLetterPdf', () => {
  it('prints an English letter: the name and each address line, date, reference, subject and body', async () => {
    const letter = outcomeLetter('en');
    const text = pdfText(await renderLetterPdf(letter));
    for (const line of ['Gwen Ŵyn Jones', 'Tŷ Newydd', '4 Heol y Bont', 'Llanfair-ym-Muallt', 'LD2 3AB']) expect(text).toMatch(new RegExp(`^ *${line}( |$)`, 'm'));
    expect(text).toContain('Date: 24 November 2026');
    expect(text).toContain('Reference: CALN-2026-00042');
    expect(text).toContain('You said, we did: the outcome of your issue – reference');
    expect(text).toContain('Is your issue resolved? Please tell us by opening one of these links.');
    expect(text).toContain('Cyngor Sir Powys');
  });

  it('prints a Welsh letter with ŵ and ŷ intact, and its links in full', async () => {
    const letter = outcomeLetter('cy');
    const pdf = await renderLetterPdf(letter);
    const text = pdfText(pdf);
    expect(text).toContain('Dyddiad: 24 Tachwedd 2026');
    expect(text).toContain('Cyfeirnod: CALN-2026-00042');
    expect(text).toContain('Dywedoch chi, fe wnaethom ni');
    expect(text).toContain('Dŵr yn gollwng o’r tŷ gwag');
    expect(text).toContain('Annwyl Gwen Ŵyn Jones,');
    expect(text).toMatch(/^ *Tŷ Newydd/m);
    expect(text).toContain("A yw eich mater wedi'i ddatrys?");
    const unwrapped = poppler('pdftotext', pdf).replace(/\s+/g, '');
    expect(unwrapped).toContain(SAMPLE_CONTEXT.confirmUrl);
    expect(unwrapped).toContain(SAMPLE_CONTEXT.disputeUrl);
  });

  it('names the letter in its metadata and gives the same bytes for the same letter', async () => {
    const letter = outcomeLetter('en');
    const pdf = await renderLetterPdf(letter);
    const info = poppler('pdfinfo', pdf);
    expect(info).toMatch(/^Title: +You said, we did: the outcome of your issue – reference CALN-2026-00042$/m);
    expect(info).toMatch(/^Author: +Cyngor Sir Powys$/m);
    expect(info).toMatch(/^Page size: +595.28 x 841.89 pts \(A4\)$/m);
    expect(info).toMatch(/^CreationDate: +Tue Nov 24 10:15:00 2026 UTC$/m);
    expect((await renderLetterPdf(letter)).equals(pdf)).toBe(true);
    expect((await renderLetterPdf({ ...letter, date: '2026-11-25T10:15:00.000Z' })).equals(pdf)).toBe(false);
  });

  it('carries a long message on to further pages, each naming the reference', async () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1} of what the board did about the street light.`);
    const pdf = await renderLetterPdf(outcomeLetter('en', { text: `${paragraphs.join('\n\n')}\nThe last sentence.\n` }));
    const pages = Number(/^Pages: +(\d+)$/m.exec(poppler('pdfinfo', pdf))![1]);
    expect(pages).toBeGreaterThan(1);
    const last = pdfText(pdf, ['-f', String(pages), '-l', String(pages)]);
    expect(last).toMatch(/^ +Reference: CALN-2026-00042$/m);
    expect(last).toContain('The last sentence.');
    const all = pdfText(pdf);
    for (const paragraph of paragraphs) expect(all).toContain(paragraph);
  });

  it('splits an address on new lines and commas, dropping empty parts', () => {
    expect(addressLines(' 12 Church Street,, Calne\r\nWiltshire ,SN11 0AA\n')).toEqual(['12 Church Street', 'Calne', 'Wiltshire', 'SN11 0AA']);
  });
});
