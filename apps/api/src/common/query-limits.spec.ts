import { buildSchema, parse, validate } from 'graphql';
import { queryLimits } from './query-limits';

const schema = buildSchema(`type Node { id: ID, child: Node } type Query { node: Node }`);
const errors = (query: string) => validate(schema, parse(query), [queryLimits(4, 10)]).map((e) => e.message);

describe('queryLimits', () => {
  it('accepts a query within both limits', () => {
    expect(errors('{ node { id child { id child { id } } } }')).toEqual([]);
  });

  it('refuses a query nested too deep, also through fragments', () => {
    expect(errors('{ node { child { child { child { child { id } } } } } }')).toEqual([
      'query: nested 5 levels deep; at most 4 allowed',
    ]);
    expect(
      errors('fragment F on Node { child { child { child { id } } } } { node { child { ...F } } }'),
    ).toEqual(['query: nested 5 levels deep; at most 4 allowed']);
  });

  it('counts a fragment each time it is spread, also deeper under a sibling field', () => {
    // F at two levels: the second spread sits two levels deeper than the first.
    expect(
      errors('fragment F on Node { child { child { id } } } { node { ...F child { child { ...F } } } }'),
    ).toEqual(['query: nested 5 levels deep; at most 4 allowed']);
  });

  it('refuses too many fields, counting aliases', () => {
    const aliases = Array.from({ length: 11 }, (_, i) => `a${i}: node { id }`).join(' ');
    expect(errors(`{ ${aliases} }`)).toEqual(['query: selects 22 fields; at most 10 allowed']);
  });
});
