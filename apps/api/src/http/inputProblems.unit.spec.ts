import { describeInputProblem, findInputProblems, isStorableText, MAX_NESTING_DEPTH } from './inputProblems';

/** `depth` arrays, one inside the next. */
const nestedArrays = (depth: number): unknown => {
  let value: unknown = [];
  for (let level = 1; level < depth; level++) value = [value];
  return value;
};

describe('isStorableText', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['a lone high surrogate', 'a\uD800b'],
    ['a high surrogate at the end', 'abc\uDBFF'],
    ['a lone low surrogate', '\uDC00abc'],
    ['a pair in the wrong order', '\uDC00\uD800'],
  ])('refuses %s', (_, text) => {
    expect(isStorableText(text)).toBe(false);
  });

  it.each([
    ['plain text', 'Pothole on Castle Street'],
    ['an emoji (a surrogate pair)', 'Pothole 🚧'],
    ['Welsh and Hebrew', 'Stryd y Castell ŵŷ עברית'],
    ['the replacement character', 'broken \uFFFD byte'],
    ['other control characters', 'tab\there\r\nnewline'],
    ['empty text', ''],
  ])('keeps %s', (_, text) => {
    expect(isStorableText(text)).toBe(true);
  });
});

describe('findInputProblems', () => {
  it('finds nothing in a good body', () => {
    expect(findInputProblems({ title: 'Pothole 🚧', location: { lat: 51.3, lng: -2.2 }, participants: ['Cllr Smith'], public: true, n: null })).toEqual([]);
  });

  it('names where bad text is, however deep, in arrays and objects alike', () => {
    const problems = findInputProblems({ title: 'ok', raisedBy: { name: 'Ada\u0000' }, participants: ['ok', 'bad\uD800'], extra: [{ deeper: ['\uDFFF'] }] });
    expect(problems).toEqual([
      { kind: 'unstorable-text', at: 'raisedBy.name' },
      { kind: 'unstorable-text', at: 'participants[1]' },
      { kind: 'unstorable-text', at: 'extra[0].deeper[0]' },
    ]);
  });

  it('checks property names, naming the object that holds them', () => {
    expect(findInputProblems({ raisedBy: { ['na\u0000me']: 'Ada' }, ['\uD800']: 1 })).toEqual([
      { kind: 'unstorable-name', at: 'raisedBy' },
      { kind: 'unstorable-name', at: '' },
    ]);
  });

  it('refuses property names that reach into prototypes, which validation would drop silently', () => {
    const parsed = JSON.parse('{"__proto__": {"admin": true}, "raisedBy": {"constructor": {"prototype": 1}}}') as unknown;
    expect(findInputProblems(parsed)).toEqual([
      { kind: 'reserved-name', at: '', name: '__proto__' },
      { kind: 'reserved-name', at: 'raisedBy', name: 'constructor' },
    ]);
  });

  it('checks a bare string', () => {
    expect(findInputProblems('\u0000')).toEqual([{ kind: 'unstorable-text', at: '' }]);
  });

  it(`allows ${MAX_NESTING_DEPTH} levels of nesting and refuses one more`, () => {
    expect(findInputProblems(nestedArrays(MAX_NESTING_DEPTH))).toEqual([]);
    expect(findInputProblems(nestedArrays(MAX_NESTING_DEPTH + 1))).toEqual([{ kind: 'too-deep', at: '[0]'.repeat(MAX_NESTING_DEPTH) }]);
    expect(findInputProblems({ a: { b: { c: 1 } } }, { maxDepth: 2 })).toEqual([{ kind: 'too-deep', at: 'a.b' }]);
  });

  it('walks a value nested 100,000 levels without overflowing the stack', () => {
    expect(findInputProblems(nestedArrays(100_000))).toHaveLength(1);
  });

  it('stops after `limit` problems', () => {
    const many = Array.from({ length: 5_000 }, () => '\u0000');
    expect(findInputProblems(many)).toHaveLength(10);
    expect(findInputProblems(many, { limit: 3 })).toHaveLength(3);
  });
});

describe('describeInputProblem', () => {
  it('says what is wrong and where, as a field name a client can find', () => {
    expect(describeInputProblem({ kind: 'unstorable-text', at: 'title' }, 'the body')).toBe('title must not contain NUL characters or unpaired UTF-16 surrogates');
    expect(describeInputProblem({ kind: 'unstorable-name', at: '' }, 'the body')).toBe('property names in the body must not contain NUL characters or unpaired UTF-16 surrogates');
    expect(describeInputProblem({ kind: 'reserved-name', at: '', name: '__proto__' }, 'the body')).toBe('property __proto__ should not exist');
    expect(describeInputProblem({ kind: 'reserved-name', at: 'raisedBy', name: 'constructor' }, 'the body')).toBe('property constructor should not exist in raisedBy');
    expect(describeInputProblem({ kind: 'too-deep', at: 'note' }, 'the body')).toBe(`note nests objects and arrays too deep: at most ${MAX_NESTING_DEPTH} levels`);
    expect(describeInputProblem({ kind: 'unstorable-text', at: 'status' }, 'the query', 'query parameter ')).toContain('query parameter status');
  });
});
