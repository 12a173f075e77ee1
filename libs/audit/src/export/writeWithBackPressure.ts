import type { Writable } from 'node:stream';

/**
 * Writes a chunk and, when the sink's buffer is full, waits until it drains: a slow reader slows
 * the export down instead of letting it pile up in memory. Answers false once the sink is gone
 * (closed, destroyed, failed: the client hung up, the pipe was closed), and the caller stops.
 */
export async function writeWithBackPressure(sink: Writable, text: string): Promise<boolean> {
  if (sink.destroyed || sink.writableEnded) return false;
  if (sink.write(text)) return true;
  if (sink.destroyed) return false;
  return new Promise((resolve) => {
    const settle = (drained: boolean) => {
      sink.off('drain', onDrain);
      sink.off('close', onGone);
      sink.off('error', onGone);
      resolve(drained);
    };
    const onDrain = () => settle(true);
    const onGone = () => settle(false);
    sink.once('drain', onDrain);
    sink.once('close', onGone);
    sink.once('error', onGone);
  });
}

export interface ExportWritten {
  readonly events: number;
  /** False when the sink went away before the end. */
  readonly complete: boolean;
}

/** Writes every chunk with back-pressure; stops reading as soon as the sink is gone. */
export async function writeExport(chunks: AsyncIterable<{ readonly text: string; readonly events: number }>, sink: Writable): Promise<ExportWritten> {
  let events = 0;
  // A sink that fails (EPIPE on a closed pipe) must end the export, not crash the process.
  const ignore = () => undefined;
  sink.on('error', ignore);
  try {
    for await (const chunk of chunks) {
      if (!(await writeWithBackPressure(sink, chunk.text))) return { events, complete: false };
      events += chunk.events;
    }
    return { events, complete: true };
  } finally {
    sink.off('error', ignore);
  }
}
