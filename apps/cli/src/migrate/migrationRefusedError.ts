/**
 * A target that cannot take this migration (it holds other events, another history, or another
 * run is copying into it). The message says why and what to do; nothing has been written.
 */
export class MigrationRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationRefusedError';
  }
}
