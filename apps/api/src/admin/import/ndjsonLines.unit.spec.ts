import { ndjsonLines } from './ndjsonLines';

describe('ndjsonLines', () => {
  it('numbers lines as in the file, skipping blank ones, with CRLF endings and a byte-order mark', () => {
    expect([...ndjsonLines('\uFEFF{"a":1}\r\n\r\n   \n{"b":2}\n')]).toEqual([
      { number: 1, text: '{"a":1}' },
      { number: 4, text: '{"b":2}' },
    ]);
  });

  it('yields nothing for an empty file', () => {
    expect([...ndjsonLines('')]).toEqual([]);
  });
});
