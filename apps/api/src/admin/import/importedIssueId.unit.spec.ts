import { importedIssueId } from './importedIssueId';
import { sampleImportLine } from './testing/sampleImportLine';

describe('importedIssueId', () => {
  it('is a UUID that depends on the content only, not on key order or white space', () => {
    const line = sampleImportLine();
    const reordered = JSON.parse(JSON.stringify({ transitions: line.transitions, issue: { ...line.issue } }, null, 2));
    expect(importedIssueId(line)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(importedIssueId(reordered)).toBe(importedIssueId(line));
  });

  it('differs when anything in the line differs', () => {
    expect(importedIssueId(sampleImportLine({}, { title: 'Broken street light on Bond St' }))).not.toBe(importedIssueId(sampleImportLine()));
    expect(importedIssueId(sampleImportLine({ transitions: [] }))).not.toBe(importedIssueId(sampleImportLine()));
  });
});
