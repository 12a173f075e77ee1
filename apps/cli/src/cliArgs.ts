/** A mistake in how the CLI was called: main prints it with the command's usage and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParsedArgs {
  readonly positionals: string[];
  readonly options: Record<string, string | true>;
}

/**
 * `--name value`, `--name=value` and bare flags. `valued` names the options that take a value;
 * any other option is a flag; an option not in `known` is a usage error, so a typo never passes
 * unnoticed (a misspelt --force must not run anything).
 */
export function parseArgs(args: readonly string[], known: { readonly valued: readonly string[]; readonly flags: readonly string[] }): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (known.valued.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      options[name] = value;
    } else if (known.flags.includes(name) && inline === undefined) {
      options[name] = true;
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { positionals, options };
}

/** An option that must be a whole number within bounds. */
export function integerOption(options: ParsedArgs['options'], name: string, fallback: number, min: number, max: number): number {
  const raw = options[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw === true || !Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got ${String(raw)}`);
  }
  return value;
}
