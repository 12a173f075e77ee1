import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The file a generated key is kept in, inside DATA_DIR, when AUDIT_SIGNING_KEY names none. */
export const GENERATED_KEY_FILE = 'audit-signing-key.pem';

/**
 * The server's audit secret: an Ed25519 key pair that signs anchors, and the secrets derived
 * from it (stream-head seals, personal-data lookups). It lives outside the database, so that
 * someone who can write to the database can neither forge a seal nor sign an anchor.
 */
export class AuditKeys {
  readonly publicKeyPem: string;

  private constructor(
    readonly privateKey: KeyObject,
    readonly source: string,
  ) {
    this.publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  }

  static fromPem(pem: string, source: string): AuditKeys {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${source} must hold an Ed25519 private key, found ${key.asymmetricKeyType}`);
    return new AuditKeys(key, source);
  }

  /**
   * The key named by AUDIT_SIGNING_KEY (a PEM file), else the one generated into DATA_DIR the
   * first time and reused after. Processes sharing a PostgreSQL store must share the key.
   */
  static load(options: { readonly keyFile?: string; readonly dataDir: string }): AuditKeys {
    if (options.keyFile) return AuditKeys.fromPem(readFileSync(options.keyFile, 'utf8'), options.keyFile);
    const file = join(options.dataDir, GENERATED_KEY_FILE);
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      const { privateKey } = generateKeyPairSync('ed25519');
      // 'wx': two processes starting together cannot both write a key; the loser reads the winner's.
      try {
        writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { flag: 'wx', mode: 0o600 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      chmodSync(file, 0o600);
    }
    return AuditKeys.fromPem(readFileSync(file, 'utf8'), file);
  }

  /** A 32-byte secret for one purpose, derived from the private key (HKDF-SHA256). */
  deriveSecret(purpose: string): Buffer {
    const material = this.privateKey.export({ type: 'pkcs8', format: 'der' });
    return Buffer.from(hkdfSync('sha256', material, Buffer.alloc(0), `issues-of-concern/${purpose}`, 32));
  }

  /** A short name for the public key, to tell keys apart in reports. */
  get fingerprint(): string {
    return createHash('sha256').update(this.publicKeyPem).digest('hex').slice(0, 16);
  }
}
