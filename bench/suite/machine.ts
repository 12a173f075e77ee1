import { cpus, totalmem, release } from 'node:os';
import Database from 'better-sqlite3';
import { Client } from 'pg';

/** What a run was measured on: figures mean little without it. */
export interface Machine {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly kernel: string;
  readonly node: string;
  readonly sqlite: string;
  readonly postgres: string | null;
  readonly date: string;
}

export async function describeMachine(databaseUrl: string | undefined): Promise<Machine> {
  const memory = new Database(':memory:');
  const sqlite = String(memory.prepare('SELECT sqlite_version() AS version').pluck().get());
  memory.close();
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    sqlite,
    postgres: databaseUrl ? await postgresVersion(databaseUrl) : null,
    date: new Date().toISOString(),
  };
}

async function postgresVersion(databaseUrl: string): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0].server_version;
  } finally {
    await client.end();
  }
}

export const describeMachineLine = (machine: Machine) =>
  `${machine.cores} × ${machine.cpuModel}, ${machine.memoryGb} GiB, Linux ${machine.kernel}, Node ${machine.node}, SQLite ${machine.sqlite}` +
  `${machine.postgres ? `, PostgreSQL ${machine.postgres}` : ''}; ${machine.date}`;
