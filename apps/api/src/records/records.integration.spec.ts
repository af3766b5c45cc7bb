import { testEngines } from '@concord/persistence/testing';
import { startTestApp, TestApp } from '../testing/test-app';

const jane = {
  nhsNumber: '943 476 5919',
  familyName: 'Smith',
  givenName: 'Jane',
  dateOfBirth: '1980-02-01',
  sex: 'F',
};

describe.each(testEngines())('REST records and links on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  }, 90_000);
  afterAll(() => t?.close());

  it('registers the same NHS number from two systems as one person with two links', async () => {
    const a = await t.call('POST', '/api/v1/records', {
      body: { sourceSystem: 'RIS-LEEDS', localId: 'R1', ...jane },
    });
    const b = await t.call('POST', '/api/v1/records', {
      body: { sourceSystem: 'PACS-YORK', localId: 'P1', ...jane, nhsNumber: '9434765919' },
    });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ decision: 'new', score: null, matchProbability: null });
    expect(b.body).toMatchObject({ decision: 'linked', personId: a.body.personId });
    expect(b.body.matchProbability).toBeGreaterThan(0.99);
    const links = await t.call('GET', '/api/v1/links?system=RIS-LEEDS&localId=R1');
    expect(links.status).toBe(200);
    expect(links.body.personId).toBe(a.body.personId);
    expect(links.body.identifiers).toHaveLength(2);
    const byNhs = await t.call('GET', '/api/v1/links?nhsNumber=943-476-5919');
    expect(byNhs.body.personId).toBe(a.body.personId);
    const byPerson = await t.call('GET', `/api/v1/links?personId=${a.body.personId}`);
    expect(byPerson.body.nhsNumbers).toEqual(['9434765919']);
  });

  it('stores and flags an NHS number that fails Modulus 11', async () => {
    const r = await t.call('POST', '/api/v1/records', {
      body: { sourceSystem: 'RIS-LEEDS', localId: 'R2', nhsNumber: '1234567890', familyName: 'Nowak' },
    });
    expect(r.status).toBe(200);
    expect(r.body.flags).toContain('nhs-number-invalid');
    const links = await t.call('GET', '/api/v1/links?system=RIS-LEEDS&localId=R2');
    expect(links.body.identifiers[0]).toMatchObject({ nhsNumber: '1234567890', nhsNumberStatus: 'invalid' });
    expect(r.body).toMatchObject({ updated: false, unchanged: false });
    // The same registration again with a corrected number: an update of that record.
    const fixed = await t.call('POST', '/api/v1/records', {
      body: { sourceSystem: 'RIS-LEEDS', localId: 'R2', nhsNumber: '4010232137', familyName: 'Nowak' },
    });
    expect(fixed.body).toMatchObject({ recordId: r.body.recordId, updated: true, unchanged: false });
    expect(fixed.body.flags).not.toContain('nhs-number-invalid');
  });

  it.each([
    ['broken JSON', { raw: '{"localId": "x"' }, 400, /^body: /],
    ['a missing localId', { body: { familyName: 'Smith' } }, 400, /^localId: is required/],
    ['a wrong type', { body: { localId: 'x', familyName: 42 } }, 400, /^familyName: /],
    ['an unknown field', { body: { localId: 'x', colour: 'red' } }, 400, /^colour: should not exist/],
    ['an array for a body', { body: [{ localId: 'x' }] }, 400, /^body: must be a JSON object$/],
    ['an oversize value', { body: { localId: 'x', familyName: 'A'.repeat(201) } }, 400, /^familyName: /],
    [
      'an oversize body',
      { raw: JSON.stringify({ localId: 'x', addressLine: 'A'.repeat(200_000) }) },
      413,
      /too large/,
    ],
  ])('answers %s with a message naming the field', async (_label, options, status, message) => {
    const r = await t.call('POST', '/api/v1/records', options as { body?: unknown; raw?: string });
    expect(r.status).toBe(status);
    expect(r.body.message).toMatch(message);
  });

  it('answers 404 for unknown ids and 400 for malformed queries', async () => {
    expect((await t.call('GET', '/api/v1/links?system=NOPE&localId=1')).status).toBe(404);
    expect((await t.call('GET', '/api/v1/links?nhsNumber=9434765919x')).status).toBe(400);
    expect((await t.call('GET', '/api/v1/links?personId=00000000-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
    expect((await t.call('GET', '/api/v1/links?colour=red')).body.message).toMatch(/^colour: /);
  });

  it('refuses a missing or wrong key (401) and a key without the scope (403)', async () => {
    expect((await t.call('POST', '/api/v1/records', { body: { localId: 'z' }, token: '' })).status).toBe(401);
    expect(
      (await t.call('POST', '/api/v1/records', { body: { localId: 'z' }, token: 'cnk_wrong' })).status,
    ).toBe(401);
    const steward = await t.tokenFor('steward');
    expect((await t.call('POST', '/api/v1/records', { body: { localId: 'z' }, token: steward })).status).toBe(
      403,
    );
    expect(
      (await t.call('GET', '/api/v1/links?system=RIS-LEEDS&localId=R1', { token: steward })).status,
    ).toBe(200);
  });

  it('reports health', async () => {
    expect(await t.call('GET', '/health', { token: '' })).toMatchObject({
      status: 200,
      body: { status: 'ok', database: 'up' },
    });
  });
});
