import { testEngines } from '@concord/persistence/testing';
import { AccessService } from '@concord/services';
import { startTestApp, TestApp } from '../testing/test-app';

const ME = `{ me { username role } }`;
const AUDIT = `{ auditEvents(first: 1) { pageInfo { hasNextPage } } }`;

describe.each(testEngines())('session tokens follow the user row on %s', (engine) => {
  let t: TestApp;
  let access: AccessService;
  let token: string;
  const graphql = (query: string) => t.call('POST', '/graphql', { token, body: { query } });
  beforeAll(async () => {
    t = await startTestApp(engine);
    access = t.app.get(AccessService);
    token = await t.tokenFor('steward');
  }, 90_000);
  afterAll(() => t?.close());

  it('applies a role change to a session already open, at once', async () => {
    expect((await graphql(AUDIT)).body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    await access.setUserRole('test-steward', 'auditor', { name: 'user:test-admin', role: 'admin' });
    const me = await graphql(ME);
    expect(me.body.data.me).toEqual({ username: 'test-steward', role: 'auditor' });
    expect((await graphql(AUDIT)).body.errors).toBeUndefined();
    // And back: the auditor's powers end with the next request.
    await access.setUserRole('test-steward', 'steward', { name: 'user:test-admin', role: 'admin' });
    expect((await graphql(AUDIT)).body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses the session of a disabled user at once, over REST and GraphQL', async () => {
    expect((await t.call('GET', '/api/v1/links?system=X&localId=Y', { token })).status).toBe(404);
    await access.disableUser('test-steward', { name: 'user:test-admin', role: 'admin' });
    const rest = await t.call('GET', '/api/v1/links?system=X&localId=Y', { token });
    expect(rest.status).toBe(401);
    expect(rest.body.message).toMatch(/user is disabled/);
    const gql = await graphql(ME);
    expect(gql.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/user is disabled/),
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});
