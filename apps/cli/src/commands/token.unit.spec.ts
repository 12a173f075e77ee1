import { verify } from 'jsonwebtoken';
import { tokenCommand } from './token';

describe('the token command', () => {
  const printed: string[] = [];
  beforeEach(() => {
    printed.length = 0;
    jest.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    jest.spyOn(console, 'error').mockImplementation((line: string) => void printed.push(line));
    process.env.JWT_SECRET = 'unit-secret';
  });
  afterEach(() => {
    jest.restoreAllMocks();
    delete process.env.JWT_SECRET;
  });

  it('prints a token signed with JWT_SECRET for the role and areas asked, all areas by default', async () => {
    expect(await tokenCommand.run(['boardChair', 'calne', 'devizes'])).toBe(0);
    expect(verify(printed[0], 'unit-secret')).toMatchObject({ role: 'boardChair', areas: ['calne', 'devizes'], sub: 'boardChair-local' });
    expect(await tokenCommand.run(['auditor'])).toBe(0);
    expect(verify(printed[1], 'unit-secret')).toMatchObject({ role: 'auditor', areas: ['*'] });
  });

  it('refuses a role the contract does not have with exit 2, listing the roles', async () => {
    expect(await tokenCommand.run(['mayor'])).toBe(2);
    expect(printed.join('\n')).toMatch(/role: one of areaManager, boardChair, officer, auditor, viewer, admin/);
  });
});
