import { type Checkpoint, type EventStoreAdapter, type GlobalEvent, hashEvent, type StreamHeadRecord } from '@app/event-store';
import type { SqliteMigrationSource } from './sqliteMigrationSource';

export interface Comparison {
  readonly ok: boolean;
  readonly eventsCompared: number;
  readonly streamsCompared: number;
  readonly uniqueKeysCompared: number;
  readonly sequencesCompared: number;
  readonly personalKeysCompared: number;
  /** How many differences in all, and the first few, described. */
  readonly differences: number;
  readonly examples: readonly string[];
}

const EXAMPLES = 10;

/**
 * The target against the source, independently of how the copy was done: every event in the
 * same order (id, stream, version, type, recordedAt, prevHash, hash, and the hash recomputed from
 * what the target returns), every stream's head (version, last hash, seal), every unique key and
 * sequence, and every personal-data key byte for byte. Reads a page at a time on both sides.
 */
export async function compareStores(source: SqliteMigrationSource, target: EventStoreAdapter, pageSize: number): Promise<Comparison> {
  const examples: string[] = [];
  let differences = 0;
  const differ = (what: string) => {
    differences++;
    if (examples.length < EXAMPLES) examples.push(what);
  };

  const eventsCompared = await compareEvents(source, target, pageSize, differ);
  const streamsCompared = await compareHeads(source, target, pageSize, differ);
  const uniqueKeysCompared = await compareUniqueKeys(source, target, pageSize, differ);
  const sequencesCompared = await compareSequences(source, target, differ);
  const personalKeysCompared = await comparePersonalKeys(source, target, pageSize, differ);
  return { ok: differences === 0, eventsCompared, streamsCompared, uniqueKeysCompared, sequencesCompared, personalKeysCompared, differences, examples };
}

type Differ = (what: string) => void;

async function compareEvents(source: SqliteMigrationSource, target: EventStoreAdapter, pageSize: number, differ: Differ): Promise<number> {
  const upTo = source.headCheckpoint();
  let sourceAfter: Checkpoint | null = null;
  let targetAfter: Checkpoint | null = null;
  let sourcePage: GlobalEvent[] = [];
  let targetPage: GlobalEvent[] = [];
  let compared = 0;
  for (;;) {
    if (sourcePage.length === 0 && upTo !== null) {
      sourcePage = await source.readAllUpTo(sourceAfter, upTo, pageSize);
      sourceAfter = sourcePage.at(-1)?.checkpoint ?? sourceAfter;
    }
    if (targetPage.length === 0) {
      const read = await target.readAll({ after: targetAfter, limit: pageSize });
      targetPage = read.events;
      targetAfter = read.checkpoint;
    }
    if (sourcePage.length === 0 && targetPage.length === 0) return compared;
    const expected = sourcePage.shift();
    const actual = targetPage.shift();
    if (!expected) {
      differ(`the target has event ${actual!.id} (${actual!.streamId} v${actual!.version}) after the source's last event`);
      continue;
    }
    if (!actual) {
      differ(`the target ends before the source's event ${expected.id} (${expected.streamId} v${expected.version})`);
      continue;
    }
    compared++;
    const fields = ['id', 'streamId', 'version', 'type', 'recordedAt', 'prevHash', 'hash'] as const;
    const wrong = fields.filter((field) => expected[field] !== actual[field]);
    if (hashEvent(actual) !== expected.hash) wrong.push('hash');
    if (wrong.length > 0) {
      differ(`event ${compared} in order, source ${expected.id} (${expected.streamId} v${expected.version}): the target's differs in ${[...new Set(wrong)].join(', ')}`);
    }
  }
}

async function compareHeads(source: SqliteMigrationSource, target: EventStoreAdapter, pageSize: number, differ: Differ): Promise<number> {
  const targetAudit = target.auditSource();
  let compared = 0;
  let after: string | null = null;
  const same = (a: StreamHeadRecord, b: StreamHeadRecord) =>
    a.streamId === b.streamId && a.version === b.version && a.lastHash === b.lastHash && a.lastRecordedAt === b.lastRecordedAt && a.seal === b.seal;
  for (;;) {
    const expected = await source.streamHeads(after, pageSize);
    const actual = await targetAudit.readStreamHeads({ after, limit: pageSize });
    if (expected.length === 0 && actual.length === 0) return compared;
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      const [e, a] = [expected[i], actual[i]];
      if (!e || !a || !same(e, a)) {
        differ(`stream head ${e?.streamId ?? a?.streamId}: source ${describeHead(e)}, target ${describeHead(a)}`);
        // Out of step: the rest of the page would only repeat it.
        return compared;
      }
      compared++;
    }
    after = expected[expected.length - 1].streamId;
  }
}

const describeHead = (head: StreamHeadRecord | undefined) => (head ? `${head.streamId} v${head.version} ${head.lastHash?.slice(0, 12) ?? '-'} seal ${head.seal ? 'set' : 'none'}` : 'none');

async function compareUniqueKeys(source: SqliteMigrationSource, target: EventStoreAdapter, pageSize: number, differ: Differ): Promise<number> {
  const targetAudit = target.auditSource();
  let compared = 0;
  for (const scope of source.uniqueKeyScopes()) {
    for (let after: string | null = null; ; ) {
      const expected = await source.auditSource().readUniqueKeys({ scope, after, limit: pageSize });
      const actual = await targetAudit.readUniqueKeys({ scope, after, limit: pageSize });
      if (expected.length === 0 && actual.length === 0) break;
      const mismatch = Array.from({ length: Math.max(expected.length, actual.length) }, (_, i) => i).find(
        (i) => expected[i]?.key !== actual[i]?.key || expected[i]?.streamId !== actual[i]?.streamId,
      );
      compared += mismatch ?? expected.length;
      if (mismatch !== undefined) {
        const [e, a] = [expected[mismatch], actual[mismatch]];
        differ(`unique key ${scope} ${e?.key ?? a?.key}: source names ${e ? `${e.key} -> ${e.streamId}` : 'none'}, target ${a ? `${a.key} -> ${a.streamId}` : 'none'}`);
        break;
      }
      after = expected[expected.length - 1].key;
    }
  }
  return compared;
}

async function compareSequences(source: SqliteMigrationSource, target: EventStoreAdapter, differ: Differ): Promise<number> {
  const expected = source.sequences();
  const actual = new Map((await target.auditSource().readSequences('')).map((sequence) => [sequence.name, sequence.value]));
  for (const { name, value } of expected) {
    if (actual.get(name) !== value) differ(`sequence ${name}: source ${value}, target ${actual.get(name) ?? 'none'}`);
  }
  return expected.length;
}

async function comparePersonalKeys(source: SqliteMigrationSource, target: EventStoreAdapter, pageSize: number, differ: Differ): Promise<number> {
  let compared = 0;
  for (let page = source.personalKeys(null, pageSize); page.length > 0; page = source.personalKeys(page[page.length - 1].subjectId, pageSize)) {
    const kept = await target.subjectKeys(page.map((key) => key.subjectId));
    for (const { subjectId, key } of page) {
      compared++;
      if (!kept.get(subjectId)?.equals(key)) differ(`personal-data key of subject ${subjectId}: ${kept.has(subjectId) ? 'differs in' : 'missing from'} the target`);
    }
  }
  return compared;
}
