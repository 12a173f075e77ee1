/** One request to send, and what to remember about it until its answer comes back. */
export interface OutgoingRequest {
  readonly method: 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly ticket?: Issue;
}

/** Where a load run's requests come from, and where their answers go: the same for both runners. */
export interface RequestSource {
  next(): OutgoingRequest;
  answered(status: number, body: string, request: OutgoingRequest): void;
}

/** An issue a note can be added to, at the version its last answer gave. */
export interface Issue {
  readonly id: string;
  readonly version: number;
}

/**
 * The issues the intake runs raised, each idle until a note is sent to it and back once the
 * note is answered: no two notes are ever in flight on one issue, so none conflicts, and the
 * notes spread over thousands of issues (each stream stays short, as real ones do).
 */
export class IssuePool {
  private readonly idle: Issue[] = [];

  add(issue: Issue): void {
    this.idle.push(issue);
  }

  take(): Issue {
    const issue = this.idle.shift();
    if (!issue) throw new Error('no idle issue left for the next note: the intake runs raised too few');
    return issue;
  }

  get size(): number {
    return this.idle.length;
  }
}

const JSON_HEADERS = { 'content-type': 'application/json' };

const issueOf = (body: string): Issue => {
  const parsed = JSON.parse(body) as { id: string; version: number };
  return { id: parsed.id, version: parsed.version };
};

/** POST /issues with one body (the app's own e2e intake), every issue raised kept for the notes. */
export function intakeSource(pool: IssuePool, body: Record<string, unknown>): RequestSource {
  const request: OutgoingRequest = { method: 'POST', path: '/issues', headers: JSON_HEADERS, body: JSON.stringify(body) };
  return {
    next: () => request,
    answered: (status, answer) => {
      if (status === 201) pool.add(issueOf(answer));
    },
  };
}

/** POST /issues/:id/notes at the version the issue was last answered with, as an officer of its area. */
export function noteSource(pool: IssuePool, authorization: string, note: Record<string, unknown>): RequestSource {
  const headers = { ...JSON_HEADERS, authorization };
  return {
    next: () => {
      const issue = pool.take();
      return { method: 'POST', path: `/issues/${issue.id}/notes`, headers, body: JSON.stringify({ ...note, expectedVersion: issue.version }), ticket: issue };
    },
    answered: (status, answer) => {
      if (status === 200) pool.add(issueOf(answer));
    },
  };
}
