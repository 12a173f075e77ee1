import type { AuditSource, StoredEvent, StreamHeadRecord } from '@app/event-store';
import { isAreaStream, isIssueStream, isMeetingStream } from '@app/streams';
import { checkChain } from './checkChain';
import { checkHead } from './checkHead';
import { checkReferences } from './checkReferences';
import { replayArea } from './replayArea';
import { replayIssue } from './replayIssue';
import { replayMeeting } from './replayMeeting';
import { isServiceLevelsStream, replayServiceLevels } from './replayServiceLevels';
import type { VerifyReport, Violation } from './violation';

export interface VerifyOptions {
  /** The secret stream heads are sealed with (headSealKeyOf); without it seals are not checked. */
  readonly headSealKey?: Buffer;
  /** Streams read at a time (default 200): memory holds one page of streams, never the store. */
  readonly pageSize?: number;
}

/**
 * Verifies the whole store: every stream's hash chain, versions and sealed head row; every issue
 * replayed through the machines of its workflow versions; the event types of every area stream
 * and of the service-levels stream; and, for issues deleted whole, their references. Reports every violation found, not only the first.
 */
export async function verifyStore(source: AuditSource, options: VerifyOptions = {}): Promise<VerifyReport> {
  const pageSize = options.pageSize ?? 200;
  const violations: Violation[] = [];
  let streamsChecked = 0;
  let eventsChecked = 0;

  const checkPage = async (streams: ReadonlyArray<{ readonly streamId: string; readonly head: StreamHeadRecord | null }>) => {
    const byStream = groupByStream(await source.readStreams(streams.map((stream) => stream.streamId)));
    for (const { streamId, head } of streams) {
      const events = byStream.get(streamId) ?? [];
      violations.push(...checkStream(streamId, head, events, options.headSealKey));
      streamsChecked++;
      eventsChecked += events.length;
    }
  };

  for (let after: string | null = null; ; ) {
    const heads = await source.readStreamHeads({ after, limit: pageSize });
    if (heads.length === 0) break;
    await checkPage(heads.map((head) => ({ streamId: head.streamId, head })));
    after = heads[heads.length - 1].streamId;
  }
  for (let after: string | null = null; ; ) {
    const headless = await source.readHeadlessStreams({ after, limit: pageSize });
    if (headless.length === 0) break;
    await checkPage(headless.map((streamId) => ({ streamId, head: null })));
    after = headless[headless.length - 1];
  }
  violations.push(...(await checkReferences(source, pageSize * 5)));
  return { ok: violations.length === 0, streamsChecked, eventsChecked, violations };
}

/** Every check of one stream, given its head row (null: none) and its events in version order. */
export function checkStream(streamId: string, head: StreamHeadRecord | null, events: readonly StoredEvent[], headSealKey?: Buffer): Violation[] {
  return [...checkChain(streamId, events), ...checkHead(streamId, head, events, headSealKey), ...replayStream(streamId, events)];
}

/** Each kind of stream judged by its own rules: an issue by its machine; an area's, a meeting's and the service levels' by their event types. */
function replayStream(streamId: string, events: readonly StoredEvent[]): Violation[] {
  if (isIssueStream(streamId)) return replayIssue(streamId, events);
  if (isAreaStream(streamId)) return replayArea(streamId, events);
  if (isMeetingStream(streamId)) return replayMeeting(streamId, events);
  if (isServiceLevelsStream(streamId)) return replayServiceLevels(streamId, events);
  return [];
}

function groupByStream(events: readonly StoredEvent[]): Map<string, StoredEvent[]> {
  const byStream = new Map<string, StoredEvent[]>();
  for (const event of events) {
    const list = byStream.get(event.streamId);
    if (list) list.push(event);
    else byStream.set(event.streamId, [event]);
  }
  return byStream;
}
