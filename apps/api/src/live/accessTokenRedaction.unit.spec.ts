import { withoutAccessToken } from './accessTokenRedaction';

describe('withoutAccessToken (what the request log keeps of GET /events/stream)', () => {
  const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';

  it('hides the token in the URL and in the parsed query, keeping the rest', () => {
    const logged = withoutAccessToken({ method: 'GET', url: `/events/stream?x=1&access_token=${token}#end`, query: { x: '1', access_token: token } });
    expect(logged).toEqual({ method: 'GET', url: '/events/stream?x=1&access_token=[Redacted]#end', query: { x: '1', access_token: '[Redacted]' } });
    expect(JSON.stringify(logged)).not.toContain(token);
  });

  it('hides a token whose name is percent-encoded, since Express decodes it into access_token', () => {
    const logged = withoutAccessToken({ url: `/events/stream?access%5Ftoken=${token}`, query: { access_token: token } });
    expect(JSON.stringify(logged)).not.toContain(token);
  });

  it('leaves other requests as they are', () => {
    const request = { url: '/issues?q=access', query: { q: 'access' } };
    expect(withoutAccessToken(request)).toBe(request);
  });
});
