/**
 * Renders a sample outcome letter (English, with real-length answer links) to
 * docs/screenshots/letter.pdf and, through poppler's pdftoppm, docs/screenshots/letter.png for the README.
 * Run: npx ts-node -P tsconfig.json --transpile-only -r tsconfig-paths/register scripts/sampleLetter.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerLinks, dateInWords, loadMessageTemplates, renderLetterPdf, ResidentLinks } from '@app/notifications';
import { SAMPLE_CONTEXT } from '@app/notifications/templates/sampleContext';

const OUT = join(__dirname, '..', 'docs', 'screenshots');
const FED_BACK_AT = '2026-11-24T10:15:00.000Z';

async function main(): Promise<void> {
  const { reference } = SAMPLE_CONTEXT;
  const token = new ResidentLinks('sample-letter-secret').sign({ issueId: 'sample-issue', reference, tokenId: 'sample-message', issuedAt: new Date(FED_BACK_AT) });
  const context = { ...SAMPLE_CONTEXT, occurredAt: FED_BACK_AT, occurredOn: dateInWords(FED_BACK_AT, 'en'), ...answerLinks('https://issues.example.gov.uk', reference, token) };
  const message = loadMessageTemplates().render('OutcomeFedBack', 'en', context);
  const pdf = await renderLetterPdf({
    language: 'en',
    residentName: context.residentName,
    postalAddress: '12 Church Street, Calne, Wiltshire, SN11 0AA',
    date: FED_BACK_AT,
    reference,
    subject: message.subject,
    text: message.text,
    councilName: context.councilName,
  });
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'letter.pdf'), pdf);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', join(OUT, 'letter.pdf'), join(OUT, 'letter')]);
  console.log(`wrote ${join(OUT, 'letter.pdf')} and ${join(OUT, 'letter.png')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
