import { answerLinks, ResidentLinks } from './residentLinks';

const claims = { issueId: 'issue-1', reference: 'TROW-2026-00042', tokenId: 'message-1', issuedAt: new Date('2026-11-01T10:00:00.000Z') };
const DAY = 86_400_000;

describe('resident links', () => {
  const links = new ResidentLinks('secret');

  it('signs the same claims to the same token, so a resent message carries the same links', () => {
    expect(links.sign(claims)).toBe(links.sign({ ...claims }));
    expect(links.sign(claims)).not.toBe(links.sign({ ...claims, tokenId: 'message-2' }));
  });

  it('accepts its own token for its reference until 60 days after the message', () => {
    const token = links.sign(claims);
    expect(links.check(token, claims.reference, new Date(claims.issuedAt.getTime() + 59 * DAY))).toEqual({ issueId: 'issue-1', tokenId: 'message-1' });
    expect(links.check(token, claims.reference, new Date(claims.issuedAt.getTime() + 61 * DAY))).toEqual({ refused: 'expired' });
  });

  it('refuses a token for another reference, signed with another secret, altered, or not a token at all', () => {
    const token = links.sign(claims);
    const now = new Date(claims.issuedAt.getTime() + DAY);
    expect(links.check(token, 'TROW-2026-00043', now)).toEqual({ refused: 'other-issue' });
    expect(links.check(new ResidentLinks('other').sign(claims), claims.reference, now)).toEqual({ refused: 'forged' });
    const [header, payload, signature] = token.split('.');
    const altered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'issue-2' })).toString('base64url');
    expect(links.check(`${header}.${altered}.${signature}`, claims.reference, now)).toEqual({ refused: 'forged' });
    expect(links.check('not-a-token', claims.reference, now)).toEqual({ refused: 'forged' });
  });

  it('puts the token in a confirm and a dispute link to the tracker page', () => {
    expect(answerLinks('https://council.example/', 'TROW-2026-00042', 'a.b.c')).toEqual({
      confirmUrl: 'https://council.example/track/TROW-2026-00042?action=confirm&token=a.b.c',
      disputeUrl: 'https://council.example/track/TROW-2026-00042?action=dispute&token=a.b.c',
    });
  });
});
