import { checkServiceLevelPolicy, targetsFor } from './servicePolicyChecks';
import type { ServiceLevelPolicy } from './serviceLevelPolicy';

const known = { categories: ['highways', 'waste'], areaIds: ['trowbridge', 'melksham'] };

// The contract's sample file.
const sample = {
  version: '2026-1',
  region: 'GB-ENG',
  default: { acknowledge: 2, resolve: 20, feedBack: 5 },
  categories: { highways: { resolve: 15 } },
  areas: { trowbridge: { highways: { resolve: 10 } } },
};

const problemsOf = (raw: unknown): string[] => {
  const result = checkServiceLevelPolicy(raw, known);
  return result.ok ? [] : result.error;
};

describe('checkServiceLevelPolicy', () => {
  it('accepts the contract’s sample as it stands', () => {
    expect(checkServiceLevelPolicy(sample, known)).toEqual({ ok: true, value: sample });
  });

  it('lists every problem at once, each with its path', () => {
    const raw = {
      version: '',
      region: 'GB-XX',
      default: { acknowledge: 2.5, resolve: 0 },
      categories: { potholes: { resolve: 5 }, highways: { speed: 3 } },
      areas: { trowbridge: { highways: { resolve: 0 }, graffiti: {} }, atlantis: {} },
      owner: 'me',
    };
    expect(problemsOf(raw)).toEqual([
      'owner is not a known key (expected version, region, default, categories, areas)',
      'version must be a non-empty string of at most 64 characters, got ""',
      'region must be one of GB-ENG, GB-WLS, GB-SCT, GB-NIR, got "GB-XX"',
      'default.acknowledge must be a whole number of working days from 1 to 365, got 2.5',
      'default.resolve must be a whole number of working days from 1 to 365, got 0',
      'default.feedBack must be a whole number of working days from 1 to 365, got nothing',
      'categories.potholes: "potholes" is not a known category',
      'categories.highways.speed is not a known key (expected acknowledge, resolve, feedBack)',
      'areas.trowbridge.highways.resolve must be a whole number of working days from 1 to 365, got 0',
      'areas.trowbridge.graffiti: "graffiti" is not a known category',
      'areas.atlantis: "atlantis" is not a known area id',
    ]);
  });

  it.each([
    [365, []],
    [366, ['default.resolve must be a whole number of working days from 1 to 365, got 366']],
    ['5', ['default.resolve must be a whole number of working days from 1 to 365, got "5"']],
  ])('takes a target of %p only as a whole number up to a year', (resolve, problems) => {
    expect(problemsOf({ ...sample, default: { ...sample.default, resolve } })).toEqual(problems);
  });

  it('limits the version to 64 characters', () => {
    expect(problemsOf({ ...sample, version: 'v'.repeat(64) })).toEqual([]);
    expect(problemsOf({ ...sample, version: 'v'.repeat(65) })).toHaveLength(1);
  });

  it('rejects what is not an object, where an object is due', () => {
    expect(problemsOf([])).toEqual(['the policy must be a JSON object, got []']);
    expect(problemsOf({ ...sample, default: null, areas: { trowbridge: 7 } })).toEqual([
      'default must be an object of targets (acknowledge, resolve, feedBack), got null',
      'areas.trowbridge must be an object keyed by category, got 7',
    ]);
  });

  it('needs no categories or areas', () => {
    const result = checkServiceLevelPolicy({ version: '1', region: 'GB-SCT', default: sample.default }, known);
    expect(result).toEqual({ ok: true, value: { version: '1', region: 'GB-SCT', default: sample.default, categories: {}, areas: {} } });
  });
});

describe('targetsFor', () => {
  const policy: ServiceLevelPolicy = {
    ...(sample as ServiceLevelPolicy),
    areas: { trowbridge: { highways: { feedBack: 3 }, waste: { resolve: 10 } } },
  };

  it('takes each kind from the most specific level that sets it', () => {
    expect(targetsFor(policy, 'trowbridge', 'highways')).toEqual({ acknowledge: 2, resolve: 15, feedBack: 3 });
    expect(targetsFor(policy, 'trowbridge', 'waste')).toEqual({ acknowledge: 2, resolve: 10, feedBack: 5 });
    expect(targetsFor(policy, 'melksham', 'highways')).toEqual({ acknowledge: 2, resolve: 15, feedBack: 5 });
    expect(targetsFor(policy, 'melksham', 'waste')).toEqual({ acknowledge: 2, resolve: 20, feedBack: 5 });
  });

  it('lets the area and category of the contract sample win over the category', () => {
    expect(targetsFor(sample as ServiceLevelPolicy, 'trowbridge', 'highways').resolve).toBe(10);
  });

  it('does not mistake built-in object names for areas or categories', () => {
    expect(targetsFor(policy, 'constructor', 'toString')).toEqual(sample.default);
  });
});
