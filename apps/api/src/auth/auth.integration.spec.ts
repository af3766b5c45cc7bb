import { startTestApp, TestApp } from '../testing/test-app';

describe('sign-in (PGlite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    await t.tokenFor('senior-steward');
  }, 90_000);
  afterAll(() => t?.close());

  const login = (username: string, password: string) =>
    t.call('POST', '/api/v1/auth/login', { token: '', body: { username, password } });

  it('refuses sign-in after repeated failures, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await login('test-senior-steward', `wrong-${i}`)).status).toBe(401);
    const throttled = await login('test-senior-steward', 'a-long-test-password');
    expect(throttled.status).toBe(429);
    expect(throttled.body.message).toMatch(/Too many failed sign-ins/);
    // Another username is not affected.
    await t.tokenFor('auditor');
    expect((await login('test-auditor', 'a-long-test-password')).status).toBe(200);
  });

  it('names the missing field and refuses unknown ones', async () => {
    expect(
      (await t.call('POST', '/api/v1/auth/login', { token: '', body: { username: 'x' } })).body.message,
    ).toMatch(/^password: /);
    expect(
      (
        await t.call('POST', '/api/v1/auth/login', {
          token: '',
          body: { username: 'x', password: 'y', role: 'admin' },
        })
      ).body.message,
    ).toMatch(/^role: should not exist/);
  });
});
