/** One command of the operators' CLI: `npm run cli -- <name> ...`. */
export interface CliCommand {
  readonly name: string;
  /** Its arguments, as the usage text shows them. */
  readonly synopsis: string;
  readonly summary: string;
  /** Runs it; answers the exit code (0 done, 1 failed, 2 wrongly called). */
  run(args: readonly string[]): Promise<number>;
}
