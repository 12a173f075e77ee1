import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'projector', 'main.js');

/** The built projector as its own process, so a test can kill -9 it. */
export interface ProjectorProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Its name in leases: what GET /projections shows as a projection's `runner`. */
  readonly holder: string;
  /** Its log so far, one parsed JSON line each (for assertions and for failure messages). */
  readonly log: ReadonlyArray<Record<string, unknown>>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `node dist/apps/projector/main.js` and waits for its start-up line, which names its
 * holder. It logs at info at least (a quieter LOG_LEVEL would hide that line).
 */
export async function startProjectorProcess(env: Record<string, string>): Promise<ProjectorProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first (npm test does)`);
  const level = ['debug', 'trace'].includes(env.LOG_LEVEL) ? env.LOG_LEVEL : 'info';
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...env, LOG_LEVEL: level }, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: Array<Record<string, unknown>> = [];
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  // 'close' comes after the exit and the last of its output, so a test sees its final log lines.
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      log.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      log.push({ msg: line });
    }
  });

  const deadline = Date.now() + 30_000;
  for (;;) {
    const started = log.find((entry) => typeof entry.holder === 'string');
    if (started) {
      return {
        child,
        pid: child.pid!,
        holder: started.holder as string,
        log,
        kill: async (signal) => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          await exited;
        },
      };
    }
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the projector exited at start-up: ${stderr}${JSON.stringify(log)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the projector did not start within 30 s: ${stderr}${JSON.stringify(log)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
