import { ApiProperty } from '@nestjs/swagger';

export class RejectedLine {
  @ApiProperty({ description: '1-based line number in the file (blank lines count, and are skipped)' })
  line: number;

  @ApiProperty({ description: 'Every problem found, named by where it is (issue.title ..., transitions[2] (resolve) ...)' })
  message: string;
}

export class ImportedIssue {
  @ApiProperty()
  line: number;

  @ApiProperty({ description: 'The issue id, derived from the line content: the same line always gets the same id' })
  id: string;

  @ApiProperty({ example: 'TROW-2019-00042' })
  reference: string;
}

/** What an import did: shared/contract/API.md's `{ imported, rejected }`, plus `skipped` and `issues` (our additions). */
export class ImportSummary {
  @ApiProperty({ description: 'Issues stored by this import' })
  imported: number;

  @ApiProperty({ description: 'Our addition: lines whose issue an earlier import already stored (nothing stored again)' })
  skipped: number;

  @ApiProperty({ type: [RejectedLine], description: 'Lines refused: nothing of their issue was stored, and no reference was spent' })
  rejected: RejectedLine[];

  @ApiProperty({ type: [ImportedIssue], description: 'Our addition: the line, id and reference of each issue imported' })
  issues: ImportedIssue[];
}
