import { testEngines } from '@concord/persistence/testing';
import { AccessService } from '@concord/services';
import { dataSourceOf, startTestApp, TestApp } from '../testing/test-app';

describe.each(testEngines())('API key rotation and revocation against the running API on %s', (engine) => {
  let t: TestApp;
  /** What `empi apikey …` does: its own service over the same database, no shared memory with the API. */
  let operator: AccessService;
  const cli = { name: 'cli:ops', role: 'operator' };
  beforeAll(async () => {
    t = await startTestApp(engine);
    operator = new AccessService(dataSourceOf(t), { sessionMinutes: 60 });
    await t.call('POST', '/api/v1/records', {
      body: { sourceSystem: 'RIS', localId: 'K1', familyName: 'Keyes' },
    });
  }, 90_000);
  afterAll(() => t?.close());

  const links = (key: string) => t.call('GET', '/api/v1/links?system=RIS&localId=K1', { token: key });

  it('refuses a rotated key on the next request and accepts the new one', async () => {
    const { key: old } = await operator.createApiKey('RIS-LEEDS', ['links'], cli);
    expect((await links(old)).status).toBe(200);
    const { key: fresh } = await operator.rotateApiKey('RIS-LEEDS', {}, cli);
    const refused = await links(old);
    expect(refused.status).toBe(401);
    expect(refused.body.message).toMatch(/invalid, expired or revoked/);
    expect((await links(fresh)).status).toBe(200);
  });

  it('honours an explicit grace period, and a revocation ends it at once', async () => {
    const { key: old } = await operator.createApiKey('PACS-YORK', ['links'], cli);
    const { key: fresh } = await operator.rotateApiKey('PACS-YORK', { graceMinutes: 15 }, cli);
    expect((await links(old)).status).toBe(200);
    expect((await links(fresh)).status).toBe(200);
    await operator.revokeApiKey('PACS-YORK', cli);
    expect((await links(old)).status).toBe(401);
    expect((await links(fresh)).status).toBe(401);
  });

  it('audits rotation and revocation with the actor and key name, never the secret', async () => {
    const rows: Array<{ action: string; actor: string; after: { name: string } }> = await dataSourceOf(
      t,
    ).query(
      `SELECT action, actor, after FROM audit_event WHERE action IN ('api-key.rotated', 'api-key.revoked') ORDER BY seq`,
    );
    expect(rows.map((r) => [r.action, r.actor, r.after.name])).toEqual([
      ['api-key.rotated', 'cli:ops', 'RIS-LEEDS'],
      ['api-key.rotated', 'cli:ops', 'PACS-YORK'],
      ['api-key.revoked', 'cli:ops', 'PACS-YORK'],
    ]);
  });
});
