import type { RoomProblemWords } from '../addressAlone';
import type { FieldWords } from '../components/fieldWords';
import type { IssueStatus } from '../contract';
import type { CheckWords } from '../formFields';
import type { ReferenceWords } from '../reference';
import type { Language } from './language';

/*
 * Every word the residents' pages (/report, /track/:reference) show, as one type: en.ts and
 * cy.ts each give all of it, so a key missing from either fails the typecheck. Sentences that
 * carry a value are functions of it (word order and mutations differ between the languages).
 */

/** Why the browser gave no position (report/currentPosition.ts). */
export type LocationProblem = 'denied' | 'timeout' | 'unavailable' | 'unsupported';

/** How a point from the browser is said (report/pointInWords.ts). */
export interface PointWords {
  readonly where: (lat: string, lng: string) => string;
  /** `within` is a distance already in words: `12 metres`, `2.5 kilometres`. */
  readonly within: (where: string, within: string) => string;
  readonly metres: (metres: number) => string;
  readonly kilometres: (kilometres: string) => string;
}

/** A form field's words: its label, the line under it, and what to say when it is left empty. */
export interface FieldText {
  readonly label: string;
  readonly hint?: string;
  readonly missing?: string;
}

/** The categories of GET /categories (apps/api/src/reference-data/categories.ts); another is shown from its id. */
export type KnownCategory =
  | 'highways'
  | 'transport'
  | 'parking'
  | 'waste'
  | 'environment'
  | 'parks'
  | 'planning'
  | 'housing'
  | 'community-safety'
  | 'health'
  | 'education'
  | 'leisure'
  | 'other';

export interface ResidentWords {
  readonly language: Language;
  /** The locale dates are written in (Intl). */
  readonly dateLocale: string;
  /** Its short month names, January first, for a browser whose Intl lacks the locale. */
  readonly months: readonly string[];
  /** The other language's link at the top of each page, written in that language. */
  readonly switchTo: { readonly language: Language; readonly name: string; readonly navLabel: string };
  readonly frame: { readonly skip: string; readonly service: string; readonly tagline: string };
  readonly field: FieldWords;
  readonly checks: CheckWords;
  readonly statuses: Readonly<Record<IssueStatus, string>>;
  readonly categories: Readonly<Record<KnownCategory, string>>;

  readonly report: {
    readonly title: string;
    readonly sentTitle: (reference: string) => string;
    readonly heading: string;
    readonly lead: string;
    readonly loading: string;
    readonly loadFailed: (problem: string) => string;
    readonly tryAgain: string;
    readonly trackHeading: string;
    readonly trackLead: string;
    readonly fields: {
      readonly title: FieldText;
      readonly description: FieldText;
      readonly category: FieldText;
      readonly areaId: FieldText;
      readonly address: FieldText;
      readonly name: FieldText;
      readonly email: FieldText;
      readonly phone: FieldText;
      readonly postalAddress: FieldText;
    };
    readonly descriptionTooLong: RoomProblemWords;
    readonly detailsHeading: string;
    readonly detailsHint: string;
    readonly send: string;
    readonly sending: string;
    readonly failedOffline: string;
    readonly failedTooMany: string;
    readonly failedAnswer: (status: number, message: string) => string;
    readonly failedOther: (message: string) => string;
  };

  readonly where: {
    readonly heading: string;
    readonly hint: string;
    readonly finding: string;
    readonly added: string;
    readonly removed: string;
    readonly yourLocation: string;
    readonly remove: string;
    readonly removeHidden: string;
    readonly useMine: string;
    readonly problems: Readonly<Record<LocationProblem, string>>;
    readonly point: PointWords;
  };

  readonly sent: {
    readonly heading: (reference: string) => string;
    readonly keep: string;
    readonly track: string;
    readonly another: string;
  };

  readonly trackForm: { readonly field: FieldText; readonly button: string; readonly problems: ReferenceWords };

  readonly track: {
    readonly service: string;
    readonly notFoundTitle: string;
    readonly heading: string;
    readonly lookingUp: (reference: string) => string;
    readonly notFound: (typed: string) => string;
    readonly checkReference: string;
    readonly momentAgo: string;
    readonly tryAgain: string;
    readonly failed: (reference: string, problem: string) => string;
    readonly another: string;
    readonly footerNav: string;
    readonly footerText: string;
    readonly footerLink: string;
    readonly reference: string;
    readonly status: string;
    readonly category: string;
    readonly area: string;
    readonly logged: string;
    readonly outcome: string;
    readonly timeline: string;
    readonly note: string;
  };

  /** The confirm-or-dispute panel, opened from the links in the outcome message. */
  readonly answer: {
    readonly confirmHeading: string;
    readonly confirmText: string;
    readonly confirmButton: string;
    readonly toDispute: string;
    readonly disputeHeading: string;
    readonly disputeText: string;
    readonly reason: FieldText;
    readonly disputeButton: string;
    readonly toConfirm: string;
    readonly sending: string;
    readonly confirmedHeading: string;
    readonly confirmedText: string;
    readonly disputedHeading: string;
    readonly disputedText: string;
    readonly refusedHeading: string;
    readonly used: string;
    readonly expired: string;
    readonly refused: string;
    readonly notWaiting: string;
    readonly failedOffline: string;
    readonly failedAnswer: (status: number, message: string) => string;
  };
}
