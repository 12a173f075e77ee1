import { allFilter, APPLICATION_STREAMS } from './eventStoreDbFilter';

describe('the server-side filter on $all', () => {
  it("reads only the prefix's streams when the store has one", () => {
    expect(allFilter('council-a:')).toMatchObject({ filterOn: 'streamName', prefixes: ['council-a:'] });
  });

  it("reads every stream but EventStoreDB's own without a prefix", () => {
    expect(allFilter('')).toMatchObject({ filterOn: 'streamName', regex: APPLICATION_STREAMS });
    const applicationStream = new RegExp(APPLICATION_STREAMS);
    for (const name of ['issue-1', 'area-TROW', 'service-levels']) expect(applicationStream.test(name)).toBe(true);
    for (const name of ['$stats-127.0.0.1:2113', '$$issue-1', '$settings', '$ce-issue', '$scavenges']) expect(applicationStream.test(name)).toBe(false);
  });

  it('refuses a prefix that would read the system streams', () => {
    expect(() => allFilter('$mine')).toThrow(/without a leading \$/);
  });
});
