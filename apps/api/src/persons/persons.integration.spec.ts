import { testEngines } from '@concord/persistence/testing';
import { startTestApp, TestApp } from '../testing/test-app';

const QUERY = `query($first: Int, $after: String, $search: String) {
  persons(first: $first, after: $after, search: $search) {
    totalCount pageInfo { endCursor hasNextPage }
    nodes { id golden { familyName nhsNumber } records { sourceSystem localId nhsNumberStatus link { type } } }
  }
}`;

describe.each(testEngines())('GraphQL persons and sign-in on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
    for (let i = 0; i < 5; i++) {
      await t.call('POST', '/api/v1/records', {
        body: {
          sourceSystem: 'RIS',
          localId: `L${i}`,
          familyName: `Person${i}`,
          givenName: 'Test',
          dateOfBirth: `19${50 + i}-01-0${i + 2}`,
        },
      });
    }
    await t.call('POST', '/api/v1/records', {
      body: {
        sourceSystem: 'PAS',
        localId: 'N1',
        nhsNumber: '9434765919',
        familyName: 'Smith',
        givenName: 'Jane',
        dateOfBirth: '1980-02-01',
      },
    });
    await t.call('POST', '/api/v1/records', {
      body: {
        sourceSystem: 'RIS',
        localId: 'N1',
        nhsNumber: '9434765919',
        familyName: 'Smith',
        givenName: 'Jane',
        dateOfBirth: '1980-02-01',
      },
    });
  }, 90_000);
  afterAll(() => t?.close());

  const gql = async (token: string, variables: Record<string, unknown>) =>
    (await t.call('POST', '/graphql', { token, body: { query: QUERY, variables } })).body;

  it('signs in with the right password only', async () => {
    await t.tokenFor('steward');
    const ok = await t.call('POST', '/api/v1/auth/login', {
      token: '',
      body: { username: 'test-steward', password: 'a-long-test-password' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ role: 'steward', username: 'test-steward' });
    expect(Date.parse(ok.body.expiresAt)).toBeGreaterThan(Date.now());
    const bad = await t.call('POST', '/api/v1/auth/login', {
      token: '',
      body: { username: 'test-steward', password: 'nope' },
    });
    expect(bad.status).toBe(401);
  });

  it('pages through every person exactly once, newest first', async () => {
    const token = await t.tokenFor('auditor');
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const { data } = await gql(token, { first: 2, after });
      total = data.persons.totalCount;
      seen.push(...data.persons.nodes.map((n: { id: string }) => n.id));
      after = data.persons.pageInfo.hasNextPage ? data.persons.pageInfo.endCursor : null;
    } while (after);
    expect(total).toBe(6);
    expect(new Set(seen).size).toBe(6);
  });

  it('finds a person by NHS number in any formatting, with both records', async () => {
    const { data } = await gql(await t.tokenFor('steward'), { search: '943-476-5919' });
    expect(data.persons.totalCount).toBe(1);
    expect(data.persons.nodes[0].records.map((r: { sourceSystem: string }) => r.sourceSystem)).toEqual([
      'PAS',
      'RIS',
    ]);
  });

  it('refuses GraphQL without a token and API keys (users only)', async () => {
    const anonymous = await gql('', {});
    expect(anonymous.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const withKey = await gql(t.apiKey, {});
    expect(withKey.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(JSON.stringify(withKey)).not.toMatch(/stacktrace/);
  });
});
