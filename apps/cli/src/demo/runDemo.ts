import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { systemClock } from '@app/event-store';
import type { ProjectionHost } from '@app/projections';
import { isIssueStream } from '@app/streams';
import { createApp } from '../../../api/src/app.factory';
import { mintToken } from '../../../api/src/auth/token';
import { loadSettings, type Settings } from '../../../api/src/config/settings';
import { openEventStore } from '../../../api/src/store/openEventStore';
import { PROJECTION_HOST } from '../../../api/src/store/tokens';
import { planDemo } from './demoPlan';
import { demoScorecards } from './demoScorecards';
import { demoSummary } from './demoSummary';
import { sendDemoPlan } from './sendDemoPlan';

export interface DemoOptions {
  readonly seed: number;
  readonly months: number;
  readonly perMonth: number;
  readonly force: boolean;
}

/**
 * Fills the store the API's settings name with a realistic history, through the API itself:
 * the app runs in this process without listening, and every command goes through its HTTP
 * layer as an admin's (the only role that may date events more than 30 days back).
 */
export async function runDemo(options: DemoOptions): Promise<number> {
  const started = Date.now();
  const settings = { ...loadSettings(process.env), logLevel: 'silent' };
  if (!options.force && (await holdsIssues(settings))) {
    console.error(
      'demo refused: the store already holds issues, and demo data mixed with real data could not be told apart afterwards. ' +
        'Use an empty DATA_DIR (or DATABASE_SCHEMA), or --force to add to it anyway.',
    );
    return 1;
  }
  const app = await createApp(settings);
  await app.init();
  try {
    const now = new Date();
    const plan = planDemo({ ...options, areas: settings.areas, now });
    const commands = plan.reduce((sum, issue) => sum + 1 + issue.steps.length, 0);
    console.log(`demo: ${plan.length} issues (${commands} commands) over ${options.months} months for ${settings.areas.length} areas, seed ${options.seed}`);

    const http = request(app.getHttpServer());
    const authorization = `Bearer ${mintToken(settings.jwtSecret, { sub: 'demo-loader', name: 'Demo data loader', role: 'admin', areas: ['*'] })}`;
    let lastReport = Date.now();
    const sendingStarted = Date.now();
    const sent = await sendDemoPlan(plan, {
      http,
      authorization,
      runId: randomBytes(4).toString('hex'),
      onProgress: (issues, events) => {
        if (Date.now() - lastReport < 2_000 && issues < plan.length) return;
        lastReport = Date.now();
        console.log(`demo: ${issues}/${plan.length} issues, ${events} events`);
      },
    });
    const issueSeconds = (Date.now() - sendingStarted) / 1000;
    const scorecardsStarted = Date.now();
    const scorecards = await demoScorecards({ http, authorization, areas: settings.areas, seed: options.seed, now, months: options.months });
    const scorecardSeconds = (Date.now() - scorecardsStarted) / 1000;
    const projections = settings.projections ? await caughtUp(app) : 'left to the projector processes (PROJECTIONS=off)';
    console.log(demoSummary({ sent, scorecards, now, projections, seconds: { total: (Date.now() - started) / 1000, issues: issueSeconds, scorecards: scorecardSeconds } }));
    return 0;
  } finally {
    await app.close();
  }
}

/** Whether any issue's event is in the store (other streams, such as areas' scorecards, are not issues). */
async function holdsIssues(settings: Settings): Promise<boolean> {
  const store = await openEventStore(settings, systemClock);
  try {
    let after: string | null = null;
    for (;;) {
      const page = await store.readAll({ after, limit: 500 });
      if (page.events.some((event) => isIssueStream(event.streamId))) return true;
      if (page.events.length === 0) return false;
      after = page.checkpoint;
    }
  } finally {
    await store.close();
  }
}

/** Lets the app's projections catch up before it closes, so the read models answer at once. */
async function caughtUp(app: INestApplication, withinMs = 120_000): Promise<string> {
  const host = app.get<ProjectionHost>(PROJECTION_HOST);
  const deadline = Date.now() + withinMs;
  for (;;) {
    const infos = await host.describe();
    const line = infos.map((info) => `${info.name} ${info.status} at position ${info.position}, lag ${info.lag}`).join('; ');
    if (infos.every((info) => info.status === 'live' && info.lag === 0) || Date.now() > deadline) return line;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
