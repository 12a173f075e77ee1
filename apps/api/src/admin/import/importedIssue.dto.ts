import { IsoDate } from '../../issues/commandBody.dto';
import { LogIssueDto } from '../../issues/intake/logIssue.dto';

/** The `issue` of an import line: the POST /issues body, dated by when it was really logged. */
export class ImportedIssueDto extends LogIssueDto {
  /** When the issue was logged (ISO 8601): the `occurredAt` of its IssueLogged event. */
  @IsoDate()
  loggedAt: string;
}
