import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPolicyFile } from './policyFile';

const known = { categories: ['highways', 'waste', 'parks'], areaIds: ['trowbridge', 'calne'] };

describe('reading the service-level policy file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'policy-file-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const fileWith = (text: string) => {
    const file = join(dir, 'service-levels.json');
    writeFileSync(file, text);
    return file;
  };

  it('reads the bundled policy when no file is given, keeping it as written', () => {
    const { policy, asWritten, source } = readPolicyFile(undefined, known);
    expect(source).toBe('the bundled config/service-levels.json');
    expect(policy).toMatchObject({ version: '2026-1', region: 'GB-ENG', default: { acknowledge: 2, resolve: 20, feedBack: 5 } });
    expect(asWritten).toMatchObject({ areas: { trowbridge: { highways: { resolve: 10 } } } });
  });

  it('keeps a file as its operator wrote it, and its policy with every section filled in', () => {
    const written = { version: 'v7', region: 'GB-WLS', default: { acknowledge: 1, resolve: 9, feedBack: 3 } };
    const { policy, asWritten } = readPolicyFile(fileWith(JSON.stringify(written)), known);
    expect(asWritten).toEqual(written);
    expect(policy).toEqual({ ...written, categories: {}, areas: {} });
  });

  it('names a file that cannot be read', () => {
    const missing = join(dir, 'nope.json');
    expect(() => readPolicyFile(missing, known)).toThrow(`SERVICE_LEVELS_FILE ${missing} cannot be read: ENOENT`);
  });

  it('names a file that is not JSON', () => {
    const file = fileWith('{ "version": ');
    expect(() => readPolicyFile(file, known)).toThrow(`SERVICE_LEVELS_FILE ${file} is not JSON`);
  });

  it('lists every problem of a policy in one error', () => {
    const file = fileWith(JSON.stringify({ version: '', region: 'FR', default: { acknowledge: 0, resolve: 20 }, areas: { atlantis: {} } }));
    let message = '';
    try {
      readPolicyFile(file, known);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      `SERVICE_LEVELS_FILE ${file} is not a valid service-level policy:`,
      expect.stringMatching(/^- version must be a non-empty string/),
      expect.stringMatching(/^- region must be one of GB-ENG, GB-WLS, GB-SCT, GB-NIR, got "FR"/),
      expect.stringMatching(/^- default\.acknowledge must be a whole number/),
      expect.stringMatching(/^- default\.feedBack must be a whole number .* got nothing/),
      '- areas.atlantis: "atlantis" is not a known area id',
    ]);
  });
});
