import { parseByteSize } from './byteSize';

describe('parseByteSize', () => {
  it('reads sizes as Express writes them, 1 kb being 1024 bytes', () => {
    expect(parseByteSize('50mb')).toBe(50 * 1024 * 1024);
    expect(parseByteSize('512KB')).toBe(512 * 1024);
    expect(parseByteSize('1.5 gb')).toBe(1.5 * 1024 ** 3);
    expect(parseByteSize('1048576')).toBe(1048576);
  });

  it('refuses what is not a positive size', () => {
    for (const raw of ['', 'lots', '-1mb', '0', '10tb']) expect(parseByteSize(raw)).toBeUndefined();
  });
});
