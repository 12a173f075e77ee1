import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** An npm script as an operator runs it: `npm run -s <script> -- ...`, in its own process. */
export function runScript(script: 'cli' | 'token', args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', script, '--', ...args], { cwd: join(__dirname, '..', '..'), env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The operators' CLI (`npm run cli -- ...`) on the store `env` names. */
export const runCli = (args: readonly string[], env: Record<string, string>) => runScript('cli', args, env);
