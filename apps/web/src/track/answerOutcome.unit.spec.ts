import { refusalOf } from './answerOutcome';

describe('a refused answer, in the resident’s terms', () => {
  it('tells a used link from an expired one by the server’s message, and says something for any other refusal', () => {
    expect(refusalOf(403, 'This link has already been used')).toBe('used');
    expect(refusalOf(403, 'the link was used on 3 December')).toBe('used');
    expect(refusalOf(403, 'This link has expired')).toBe('expired');
    expect(refusalOf(403, 'invalid token')).toBe('refused');
    expect(refusalOf(404, 'unknown reference')).toBe('refused');
    expect(refusalOf(422, 'the issue is logged')).toBe('notWaiting');
    expect(refusalOf(403, 'this link no longer applies: the issue is logged again')).toBe('notWaiting');
    expect(refusalOf(403, 'this link is not genuine: use the link in the message exactly as it came')).toBe('refused');
  });
});
