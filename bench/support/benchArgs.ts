/** `--name value` options of a bench script; numbers may be written 1_000_000 or 1,000,000. */
export function benchArgs(argv: readonly string[] = process.argv.slice(2)): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    if (!name.startsWith('--') || argv[i + 1] === undefined) throw new Error(`expected --name value pairs, got ${argv.join(' ')}`);
    args.set(name.slice(2), argv[++i]);
  }
  return args;
}

export function numberArg(args: Map<string, string>, name: string, fallback: number): number {
  const raw = args.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got ${raw}`);
  return value;
}

export function choiceArg<T extends string>(args: Map<string, string>, name: string, choices: readonly T[]): T {
  const raw = args.get(name) ?? choices[0];
  if (!choices.includes(raw as T)) throw new Error(`--${name} must be one of ${choices.join(', ')}, got ${raw}`);
  return raw as T;
}

/** The PostgreSQL server for --store postgres. */
export const databaseUrlArg = (args: Map<string, string>) => args.get('database-url') ?? process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
