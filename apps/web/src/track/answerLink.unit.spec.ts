import { answerLinkIn, withAnswer, withoutAnswer } from './answerLink';

describe('the answer links of an outcome message, read from the tracker’s address', () => {
  it('reads the action and the token, in any order and beside the language', () => {
    expect(answerLinkIn('?action=confirm&token=abc.def.ghi')).toEqual({ action: 'confirm', token: 'abc.def.ghi' });
    expect(answerLinkIn('?lang=cy&token=abc.def.ghi&action=dispute')).toEqual({ action: 'dispute', token: 'abc.def.ghi' });
  });

  it('asks for no answer without a known action or without a token', () => {
    for (const search of ['', '?lang=cy', '?action=confirm', '?action=confirm&token=', '?action=delete&token=abc', '?token=abc', `?action=confirm&token=${'x'.repeat(5000)}`]) {
      expect({ search, link: answerLinkIn(search) }).toEqual({ search, link: null });
    }
  });

  it('takes the answer out of the address and keeps the rest; puts it back for a link that needs it', () => {
    expect(withoutAnswer('?action=confirm&token=abc')).toBe('');
    expect(withoutAnswer('?lang=cy&action=dispute&token=abc')).toBe('?lang=cy');
    expect(withAnswer('?lang=cy', { action: 'dispute', token: 'a.b+c' })).toBe('?lang=cy&action=dispute&token=a.b%2Bc');
    expect(answerLinkIn(withAnswer('', { action: 'confirm', token: 'a.b+c' }))).toEqual({ action: 'confirm', token: 'a.b+c' });
  });
});
