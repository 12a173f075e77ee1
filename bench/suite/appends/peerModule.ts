import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The peers' own folders: each has its own package.json and lock, installed by `npm run bench:peers`. */
export const PEERS_DIR = join(__dirname, '..', '..', 'peers');
export type PeerName = 'emmett-sqlite' | 'emmett-postgresql';

/** A peer that could not be loaded (not installed, or its native part did not build): its row says so. */
export class PeerUnavailableError extends Error {}

/**
 * A module from a peer's folder, resolved there (not from the project's node_modules: the two
 * peers need different Emmett versions). The caller names the shape it uses.
 */
export function loadPeerModule<T>(peer: PeerName, moduleName: string): T {
  const requireFromPeer = createRequire(join(PEERS_DIR, peer, 'package.json'));
  try {
    return requireFromPeer(moduleName) as T;
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new PeerUnavailableError(`${peer} is not installed or did not build (${moduleName}: ${reason}); run npm run bench:peers and read its output`);
  }
}

/** An event as Emmett takes it. */
export interface EmmettEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** The part of an Emmett event store the bench uses (the same in emmett-sqlite and emmett-postgresql). */
export interface EmmettEventStore {
  appendToStream(streamName: string, events: EmmettEvent[], options?: { readonly expectedStreamVersion?: bigint }): Promise<unknown>;
  close?(): Promise<void>;
}
