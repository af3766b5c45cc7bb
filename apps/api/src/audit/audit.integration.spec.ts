import { testEngines } from '@concord/persistence/testing';
import { startTestApp, TestApp } from '../testing/test-app';

describe.each(testEngines())('audit export over REST on %s', (engine) => {
  let t: TestApp;
  let personId: string;
  beforeAll(async () => {
    t = await startTestApp(engine);
    const registered = await t.call('POST', '/api/v1/records', {
      body: { sourceSystem: 'RIS', localId: 'A1', familyName: 'Okafor', givenName: 'Ada' },
    });
    personId = registered.body.personId;
    await t.call('GET', '/api/v1/links?system=RIS&localId=A1', { headers: { 'x-request-id': 'trace-42' } });
  }, 90_000);
  afterAll(() => t?.close());

  it('lets an auditor export the filtered ledger as NDJSON and CSV, and audits the export', async () => {
    const auditor = await t.tokenFor('auditor');
    const ndjson = await t.call('GET', '/api/v1/audit/export?format=ndjson&action=links.viewed', {
      token: auditor,
    });
    expect(ndjson.status).toBe(200);
    const events = ndjson.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'links.viewed',
      actor: 'api-key:test-all',
      request_id: 'trace-42',
    });
    const csv = await t.call('GET', '/api/v1/audit/export?format=csv&from=2000-01-01T00:00:00Z', {
      token: auditor,
    });
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toMatch(/^seq,occurred_at,actor/);
    expect(lines.some((l) => l.includes('audit.exported'))).toBe(true);
    expect(lines.some((l) => l.includes('record.registered'))).toBe(true);
  });

  it("names the person in the ledger event of an export of that person's history", async () => {
    const auditor = await t.tokenFor('auditor');
    const one = await t.call('GET', `/api/v1/audit/export?format=ndjson&person=${personId}`, {
      token: auditor,
    });
    expect(one.status).toBe(200);
    // The ledger, asked who read this person's history, finds that export.
    const reads = await t.call(
      'GET',
      `/api/v1/audit/export?format=ndjson&action=audit.exported&person=${personId}`,
      {
        token: auditor,
      },
    );
    const events = reads.text
      .trim()
      .split('\n')
      .filter((l) => l)
      .map((l) => JSON.parse(l));
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events[0]).toMatchObject({ action: 'audit.exported', person_ids: [personId] });
  });

  it('refuses stewards, API keys and bad filters', async () => {
    expect((await t.call('GET', '/api/v1/audit/export', { token: await t.tokenFor('steward') })).status).toBe(
      403,
    );
    expect((await t.call('GET', '/api/v1/audit/export')).status).toBe(403);
    const bad = await t.call('GET', '/api/v1/audit/export?from=soon', { token: await t.tokenFor('auditor') });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^from: /);
  });
});
