import { integerOption, parseArgs, UsageError } from './cliArgs';

const known = { valued: ['months', 'seed'], flags: ['force'] };

describe('the CLI argument parser', () => {
  it('reads --name value, --name=value, flags and positionals in any order', () => {
    expect(parseArgs(['issues', '--months', '2', '--seed=7', '--force', 'more'], known)).toEqual({
      positionals: ['issues', 'more'],
      options: { months: '2', seed: '7', force: true },
    });
  });

  it.each([
    [['--forse'], /unknown option --forse/],
    [['--months'], /--months needs a value/],
    [['--months='], /--months needs a value/],
    [['--force=yes'], /unknown option --force/],
  ])('refuses %j as a usage error', (args, message) => {
    expect(() => parseArgs(args, known)).toThrow(UsageError);
    expect(() => parseArgs(args, known)).toThrow(message);
  });

  it('takes whole numbers within bounds, the default when absent, and refuses anything else naming the option', () => {
    expect(integerOption({}, 'months', 12, 1, 60)).toBe(12);
    expect(integerOption({ months: '3' }, 'months', 12, 1, 60)).toBe(3);
    for (const bad of ['0', '61', '2.5', 'two', '']) {
      expect(() => integerOption({ months: bad }, 'months', 12, 1, 60)).toThrow(/--months must be a whole number from 1 to 60/);
    }
  });
});
