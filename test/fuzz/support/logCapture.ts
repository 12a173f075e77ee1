import fs from 'node:fs';

/**
 * Everything the in-process app logs, kept in memory instead of printed. pino writes to
 * `process.stdout` when something (Jest) has wrapped its `write`, otherwise through sonic-boom
 * straight to file descriptor 1: the capture sits on all three; other writes pass through.
 * Thousands of fuzzed requests at `LOG_LEVEL=debug` would otherwise flood the test output.
 */
export interface LogCapture {
  /** The log text written so far. */
  text(): string;
  /** How many writes were captured: proof that the capture sees the app's logs at all. */
  readonly writes: number;
  restore(): void;
}

type WriteCallback = (error: NodeJS.ErrnoException | null, written: number, data: unknown) => void;

export function captureLogs(fd = 1): LogCapture {
  const chunks: string[] = [];
  const asText = (data: unknown) => (Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
  const byteLength = (data: unknown) => (Buffer.isBuffer(data) ? data.length : Buffer.byteLength(String(data)));

  const originalWrite = fs.write;
  const originalWriteSync = fs.writeSync;
  const write = jest.spyOn(fs, 'write').mockImplementation(((target: number, data: unknown, ...rest: unknown[]) => {
    if (target !== fd) return (originalWrite as (...args: unknown[]) => void)(target, data, ...rest);
    chunks.push(asText(data));
    const callback = rest.find((arg): arg is WriteCallback => typeof arg === 'function');
    process.nextTick(() => callback?.(null, byteLength(data), data));
  }) as unknown as typeof fs.write);
  const writeSync = jest.spyOn(fs, 'writeSync').mockImplementation(((target: number, data: unknown, ...rest: unknown[]) => {
    if (target !== fd) return (originalWriteSync as (...args: unknown[]) => number)(target, data, ...rest);
    chunks.push(asText(data));
    return byteLength(data);
  }) as unknown as typeof fs.writeSync);

  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(((data: unknown, ...rest: unknown[]) => {
    chunks.push(asText(data));
    const callback = rest.find((arg): arg is (error?: Error | null) => void => typeof arg === 'function');
    if (callback) process.nextTick(callback);
    return true;
  }) as typeof process.stdout.write);

  return {
    text: () => chunks.join(''),
    get writes() {
      return chunks.length;
    },
    restore: () => {
      write.mockRestore();
      writeSync.mockRestore();
      stdout.mockRestore();
    },
  };
}
