import { buildTimeline, type RevealPersonalData, renderTimelineTable } from '@app/audit';
import type { EventStoreAdapter } from '@app/event-store';
import { isReference, issueIdOf, REFERENCE_KEY, streamIdOf } from '@app/streams';
import { withAuditStore } from './auditStore';

export interface ReplayOptions {
  /** Reveals sealed personal data; by default as the API does (plain, or "[erased]"). */
  readonly reveal?: RevealPersonalData;
  readonly print?: (text: string) => void;
}

/** Prints an issue's timeline (by reference, or id) as a table; answers the exit code. */
export async function runReplay(idOrReference: string, options: ReplayOptions = {}): Promise<number> {
  const { print = (text) => console.log(text) } = options;
  return withAuditStore(async (store, storeReveal) => {
    const reveal = options.reveal ?? storeReveal;
    const streamId = await streamOfIssue(store, idOrReference);
    const events = streamId === undefined ? [] : await store.readStream(streamId);
    if (events.length === 0) {
      console.error(`no issue ${idOrReference}`);
      return 1;
    }
    const timeline = buildTimeline(await reveal(events));
    const last = timeline.at(-1)!;
    const rules = last.workflowVersion === null ? '' : `, workflow version ${last.workflowVersion}`;
    const title = `${isReference(idOrReference) ? idOrReference : `issue ${idOrReference}`}: ${timeline.length} events, now ${last.statusAfter}${rules}`;
    print(renderTimelineTable(title, timeline));
    return 0;
  });
}

async function streamOfIssue(store: EventStoreAdapter, idOrReference: string): Promise<string | undefined> {
  if (!isReference(idOrReference)) return streamIdOf(idOrReference);
  const streamId = await store.streamOf(REFERENCE_KEY, idOrReference);
  return streamId && streamIdOf(issueIdOf(streamId));
}
