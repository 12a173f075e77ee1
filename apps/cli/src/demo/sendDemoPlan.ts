import type TestAgent from 'supertest/lib/agent';
import type { Channel } from '@app/lifecycle';
import type { DemoIssue } from './demoIssue';
import { inPool } from './inPool';

/** An issue as the API answered the last command on it. */
export interface SentIssue {
  readonly id: string;
  readonly reference: string;
  readonly status: string;
  readonly version: number;
  readonly channel: Channel;
  readonly areaId: string;
  readonly dueBy: string | null;
}

export interface SendOptions {
  readonly http: TestAgent;
  /** `Bearer ...` of an admin: only admin may date commands more than 30 days back. */
  readonly authorization: string;
  /** Makes the idempotency keys of this run its own. */
  readonly runId: string;
  readonly onProgress?: (issuesSent: number, eventsWritten: number) => void;
  /** Issues sent at once (default 4). */
  readonly concurrency?: number;
}

/**
 * Sends the plan through the API's HTTP layer, as any client would: POST /issues, then each
 * command with the version the previous answer gave and its `occurredAt`, so validation,
 * idempotency and the lifecycle all apply. Any refusal stops the demo: it would be a bug in the
 * plan, and a half-told history is worse than none.
 */
export async function sendDemoPlan(plan: readonly DemoIssue[], options: SendOptions): Promise<SentIssue[]> {
  let done = 0;
  let events = 0;
  // Issues start in the order they were raised, so reference numbers run (nearly) with the
  // calendar; each issue's own commands go strictly one after another.
  return inPool(plan, options.concurrency ?? 4, async (issue, index) => {
    const sent = await sendIssue(issue, index, options);
    events += sent.version;
    options.onProgress?.(++done, events);
    return sent;
  });
}

async function sendIssue(issue: DemoIssue, index: number, { http, authorization, runId }: SendOptions): Promise<SentIssue> {
  const key = (step: number) => `demo-${runId}-${index}-${step}`;
  const logged = await http
    .post('/issues')
    .set('Authorization', authorization)
    .set('Idempotency-Key', key(0))
    .send({ ...issue.intake, occurredAt: issue.loggedAt.toISOString() });
  if (logged.status !== 201) throw refused(`POST /issues (issue ${index + 1}, logged ${issue.loggedAt.toISOString()})`, logged);
  let view = logged.body as SentIssue;
  for (const [stepIndex, step] of issue.steps.entries()) {
    const answer = await http
      .post(`/issues/${view.id}/${step.command}`)
      .set('Authorization', authorization)
      .set('Idempotency-Key', key(stepIndex + 1))
      .send({ ...step.body, expectedVersion: view.version, occurredAt: step.at.toISOString() });
    if (answer.status !== 200) throw refused(`${step.command} on ${view.reference} at ${step.at.toISOString()}`, answer);
    view = answer.body as SentIssue;
  }
  return { id: view.id, reference: view.reference, status: view.status, version: view.version, channel: view.channel, areaId: view.areaId, dueBy: view.dueBy };
}

const refused = (what: string, answer: { status: number; body: unknown }) =>
  new Error(`the API refused ${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
