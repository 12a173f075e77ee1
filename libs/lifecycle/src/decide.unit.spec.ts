import { ROLES } from './actor';
import { ISSUE_COMMAND_NAMES } from './issueCommands';
import { ISSUE_STATUSES } from './issueStatus';
import { CONTRACT } from './testing/contractTable';
import { given } from './testing/deciderSpecification';
import { admin, AREA, eventsOf, issueIn, NOW, sampleCommands, staff } from './testing/fixtures';

describe('decide: the lifecycle', () => {
  describe.each(ISSUE_STATUSES)('an issue in %s', (status) => {
    const history = issueIn(status);
    const accepted = ISSUE_COMMAND_NAMES.filter((command) => CONTRACT[command].from.includes(status));

    // A withdrawn issue accepts nothing, and it.each refuses an empty table.
    if (accepted.length > 0) it.each(accepted)(
      'accepts %s and records its event',
      (command) => {
        const { to, event } = CONTRACT[command];
        given(history)
          .when(sampleCommands[command])
          .thenEvents([{ type: event, occurredAt: NOW.toISOString() }])
          .andStatus(to === 'unchanged' ? status : to);
      },
    );

    it.each(ISSUE_COMMAND_NAMES.filter((command) => !CONTRACT[command].from.includes(status)))(
      'refuses %s, saying what is allowed instead',
      (command) => {
        given(history)
          .when(sampleCommands[command])
          .thenError({
            kind: 'illegal-transition',
            status,
            allowedCommands: ISSUE_COMMAND_NAMES.filter((c) => CONTRACT[c].from.includes(status)),
          });
      },
    );
  });

  it('logs a new issue as IssueLogged, with personal data apart from the rest', () => {
    given([])
      .when(sampleCommands.log)
      .thenEvents([
        {
          type: 'IssueLogged',
          data: {
            reference: 'TROW-2026-00001',
            title: 'Pothole on Castle Street',
            description: 'A deep pothole outside number 12.',
            category: 'highways',
            areaId: AREA,
            channel: 'phone',
            location: { lat: 51.319, lng: -2.208 },
            subjectId: null,
            personal: { raisedBy: { name: 'Ada Resident', email: 'ada@example.org' }, address: '12 Castle Street' },
            workflowVersion: 2,
            policyVersion: null,
          },
        },
      ])
      .andStatus('logged');
  });

  it('will not log an issue twice into one stream', () => {
    given(issueIn('logged')).when(sampleCommands.log).thenError({ kind: 'illegal-transition', status: 'logged' });
  });

  it('reports an unknown issue as not found', () => {
    given([]).when(sampleCommands.refer).thenError({ kind: 'not-found' });
  });
});

describe('decide: who may act', () => {
  describe.each(ISSUE_COMMAND_NAMES)('%s', (command) => {
    const { from, roles } = CONTRACT[command];
    const history = issueIn(from[0]);

    it.each(ROLES.filter((role) => role !== 'admin'))('by %s in their own area', (role) => {
      const attempt = given(history).when(sampleCommands[command], { actor: staff(role) });
      if (roles.includes(role)) attempt.thenEvents([{ type: CONTRACT[command].event }]);
      else attempt.thenError({ kind: 'forbidden' });
    });

    it('by admin, who may do what any role may', () => {
      given(history).when(sampleCommands[command], { actor: staff('admin', []) }).thenEvents([{ type: CONTRACT[command].event }]);
    });

    it('by a permitted role serving other areas only: forbidden', () => {
      given(history).when(sampleCommands[command], { actor: staff(roles[0], ['salisbury']) }).thenError({ kind: 'forbidden' });
    });

    it('anonymously: unauthenticated', () => {
      given(history).when(sampleCommands[command], { actor: { kind: 'anonymous' } }).thenError({ kind: 'unauthenticated' });
    });
  });

  it('lets staff serving every area act anywhere', () => {
    given(issueIn('logged')).when(sampleCommands.refer, { actor: staff('areaManager', ['*']) }).thenEvents([{ type: 'IssueReferred' }]);
  });

  it('lets an anonymous resident raise an issue online, and only online', () => {
    const online = { ...sampleCommands.log, data: { ...sampleCommands.log.data, channel: 'online' as const } };
    given([]).when(online, { actor: { kind: 'anonymous' } }).thenEvents([{ type: 'IssueLogged' }]);
    given([]).when(sampleCommands.log, { actor: { kind: 'anonymous' } }).thenError({ kind: 'unauthenticated' });
  });

  it('lets staff log issues only in the areas they serve', () => {
    given([]).when(sampleCommands.log, { actor: staff('areaManager') }).thenEvents([{ type: 'IssueLogged' }]);
    given([]).when(sampleCommands.log, { actor: staff('areaManager', ['salisbury']) }).thenError({ kind: 'forbidden' });
  });
});

describe('decide: expected version', () => {
  it('accepts the current version', () => {
    given(issueIn('logged')).when(sampleCommands.refer, { expectedVersion: 1 }).thenEvents([{ type: 'IssueReferred' }]);
  });

  it('refuses a stale version and says what the current one is', () => {
    given(issueIn('referred'))
      .when(sampleCommands.resolve, { expectedVersion: 1 })
      .thenError({ kind: 'version-conflict', expectedVersion: 1, currentVersion: 2 });
  });

  it('reports a conflict before a transition the newer state would refuse', () => {
    given(issueIn('withdrawn')).when(sampleCommands.refer, { expectedVersion: 1 }).thenError({ kind: 'version-conflict' });
  });
});

describe('decide: occurredAt', () => {
  const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

  it('defaults to now', () => {
    given(issueIn('logged')).when(sampleCommands.refer).thenEvents([{ occurredAt: NOW.toISOString() }]);
  });

  it('accepts a past time, normalised to ISO 8601 UTC', () => {
    given(eventsOf([], { occurredAt: daysAgo(1) }))
      .when(sampleCommands.refer, { occurredAt: '2026-11-23T11:00:00+00:00' })
      .thenEvents([{ occurredAt: '2026-11-23T11:00:00.000Z' }]);
  });

  it('refuses a time in the future', () => {
    given(issueIn('logged'))
      .when(sampleCommands.refer, { occurredAt: new Date(NOW.getTime() + 1000).toISOString() })
      .thenError({ kind: 'invalid-occurred-at' });
  });

  it("refuses a time before the issue's previous event", () => {
    const history = eventsOf([], { occurredAt: daysAgo(2) });
    given(history).when(sampleCommands.refer, { occurredAt: daysAgo(3) }).thenError({ kind: 'invalid-occurred-at' });
    given(history).when(sampleCommands.refer, { occurredAt: daysAgo(2) }).thenEvents([{ occurredAt: daysAgo(2) }]);
  });

  it('lets only admin go back more than 30 days', () => {
    given([]).when(sampleCommands.log, { actor: staff('areaManager'), occurredAt: daysAgo(31) }).thenError({ kind: 'invalid-occurred-at' });
    given([]).when(sampleCommands.log, { actor: staff('areaManager'), occurredAt: daysAgo(29) }).thenEvents([{ occurredAt: daysAgo(29) }]);
    given([]).when(sampleCommands.log, { actor: admin, occurredAt: daysAgo(400) }).thenEvents([{ occurredAt: daysAgo(400) }]);
  });

  it('never dates an event before the previous one, even when that one came from a faster clock', () => {
    const ahead = new Date(NOW.getTime() + 5).toISOString();
    const history = eventsOf([], { now: new Date(ahead) });
    given(history).when(sampleCommands.refer).thenEvents([{ occurredAt: ahead }]);
  });
});
