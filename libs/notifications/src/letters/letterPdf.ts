import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { ResidentLanguage } from '@app/lifecycle';
import { bundledPath } from '../bundledFiles';
import { dateInWords } from '../templates/dateInWords';

/** A message to post: the resident's address, and the subject and plain text its templates gave. */
export interface Letter {
  readonly language: ResidentLanguage;
  readonly residentName: string;
  /** As the resident gave it: lines separated by new lines or commas. */
  readonly postalAddress: string;
  /** The letter's date (ISO 8601): printed in words, and the PDF's creation date. */
  readonly date: string;
  readonly reference: string;
  readonly subject: string;
  /** The message's plain-text body, printed as it is (links in full, for typing). */
  readonly text: string;
  readonly councilName?: string;
}

const LABELS: Readonly<Record<ResidentLanguage, { readonly date: string; readonly reference: string; readonly sender: string }>> = {
  en: { date: 'Date', reference: 'Reference', sender: "The residents' issues team" },
  cy: { date: 'Dyddiad', reference: 'Cyfeirnod', sender: 'Tîm materion trigolion' },
};
const LOCALES: Readonly<Record<ResidentLanguage, string>> = { en: 'en-GB', cy: 'cy' };

const MM = 72 / 25.4;
const LEFT = 25 * MM;
const RIGHT = 20 * MM;
const A4_WIDTH = 210 * MM;
const WIDTH = A4_WIDTH - LEFT - RIGHT;
/** A DL windowed envelope shows the area 20–110 mm from the left, 45–90 mm from the top. */
const ADDRESS = { x: LEFT, y: 50 * MM, width: 80 * MM, height: 38 * MM };
const DETAILS = { x: 125 * MM, y: 50 * MM, width: A4_WIDTH - 125 * MM - RIGHT };
const BODY_TOP = 92 * MM;
const REGULAR = 'LetterRegular';
const BOLD = 'LetterBold';

/** DejaVu Sans (assets/fonts): the standard PDF fonts have no ŵ or ŷ, which Welsh needs. */
let fonts: { readonly regular: Buffer; readonly bold: Buffer } | undefined;
function letterFonts() {
  fonts ??= {
    regular: readFileSync(bundledPath(join('assets', 'fonts', 'DejaVuSans.ttf'))),
    bold: readFileSync(bundledPath(join('assets', 'fonts', 'DejaVuSans-Bold.ttf'))),
  };
  return fonts;
}

/** The address's lines: the resident may separate them by new lines or by commas. */
export const addressLines = (postalAddress: string): string[] =>
  postalAddress
    .split(/[\n\r,]+/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/**
 * An A4 letter: the sender at the top, the resident's name and address where a DL window shows
 * them, the date and reference, the subject as a heading, then the body. The same letter always
 * gives the same bytes (its creation date is the letter's date).
 */
export function renderLetterPdf(letter: Letter): Promise<Buffer> {
  const labels = LABELS[letter.language];
  const sender = letter.councilName?.trim() || labels.sender;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 20 * MM, bottom: 15 * MM, left: LEFT, right: RIGHT },
    lang: LOCALES[letter.language],
    displayTitle: true,
    info: { Title: letter.subject, Author: sender, Subject: letter.reference, CreationDate: new Date(letter.date) },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { regular, bold } = letterFonts();
  doc.registerFont(REGULAR, regular);
  doc.registerFont(BOLD, bold);

  doc.font(BOLD).fontSize(14).text(sender, LEFT, 15 * MM, { width: WIDTH, align: 'right' });

  doc.font(REGULAR).fontSize(11);
  doc.text([letter.residentName.trim(), ...addressLines(letter.postalAddress)].join('\n'), ADDRESS.x, ADDRESS.y, {
    width: ADDRESS.width,
    height: ADDRESS.height,
    ellipsis: true,
  });
  doc.text(`${labels.date}: ${dateInWords(letter.date, letter.language)}\n${labels.reference}: ${letter.reference}`, DETAILS.x, DETAILS.y, { width: DETAILS.width });

  // Pages after the first carry the reference, so a page that comes loose can be matched again.
  doc.on('pageAdded', () => {
    const top = doc.y;
    doc.font(REGULAR).fontSize(9).text(`${labels.reference}: ${letter.reference}`, LEFT, 10 * MM, { width: WIDTH, align: 'right', lineBreak: false });
    doc.font(REGULAR).fontSize(11);
    doc.x = LEFT;
    doc.y = top;
  });
  doc.font(BOLD).fontSize(14).text(letter.subject, LEFT, BODY_TOP, { width: WIDTH });
  doc.moveDown(0.6);
  doc.font(REGULAR).fontSize(11).text(letter.text.trimEnd(), { width: WIDTH, lineGap: 1 });
  doc.end();
  return done;
}
