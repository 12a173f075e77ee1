import { pathProblem } from './pathProblems';

describe('pathProblem', () => {
  it.each(['/issues', '/issues/TROW-2026-00001/history', '/public/issues/TROW-2026-00001', '/areas/caf%C3%A9/scorecard', '/issues/%F0%9F%9A%A7', '/', ''])(
    'lets %s through',
    (path) => {
      expect(pathProblem(path)).toBeNull();
    },
  );

  it.each(['/issues/%00', '/issues/TROW-2026-00001%00', '/issues/%00/history', '/public/issues/a%00b'])('refuses NUL in %s', (path) => {
    expect(pathProblem(path)).toContain('NUL');
  });

  it.each(['/issues/%FF', '/issues/%ED%A0%80', '/issues/%C0%80', '/issues/%E0%A4', '/issues/%'])('refuses %s, which is not percent-encoded UTF-8', (path) => {
    expect(pathProblem(path)).toContain('UTF-8');
  });
});
