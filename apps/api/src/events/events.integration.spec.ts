import { testEngines } from '@concord/persistence/testing';
import { startTestApp, TestApp } from '../testing/test-app';

describe.each(testEngines())('change feed, concurrency and retired ids on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  }, 90_000);
  afterAll(() => t?.close());

  it('ends many overlapping registrations of one new patient as one person', async () => {
    const patient = {
      nhsNumber: '4010232137',
      familyName: 'Kowalski',
      givenName: 'Anna',
      dateOfBirth: '1975-07-14',
      sex: 'F',
      postcode: 'M1 1AE',
    };
    const systems = Array.from({ length: 16 }, (_, i) => `SYS-${i}`);
    const answers = await Promise.all(
      systems.map((s) =>
        t.call('POST', '/api/v1/records', { body: { sourceSystem: s, localId: 'K1', ...patient } }),
      ),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(new Set(answers.map((a) => a.body.personId)).size).toBe(1);
    expect(answers.filter((a) => a.body.decision === 'new')).toHaveLength(1);
    // The same 16 registrations again, overlapping: idempotent, nothing changes.
    const again = await Promise.all(
      systems.map((s) =>
        t.call('POST', '/api/v1/records', { body: { sourceSystem: s, localId: 'K1', ...patient } }),
      ),
    );
    expect(
      again.every((a) => a.body.unchanged === true && a.body.personId === answers[0].body.personId),
    ).toBe(true);
  });

  it('pages the feed in order without gaps and resumes from a cursor', async () => {
    const all: Array<{ seq: string; type: string }> = [];
    let cursor = '0';
    for (;;) {
      const page = await t.call('GET', `/api/v1/events?after=${cursor}&limit=5`);
      expect(page.status).toBe(200);
      all.push(...page.body.events);
      cursor = page.body.cursor;
      if (!page.body.hasMore) break;
    }
    expect(all.length).toBeGreaterThanOrEqual(17);
    all.forEach((e, i) => expect(Number(e.seq)).toBe(i + 1));
    expect(all.filter((e) => e.type === 'created')).toHaveLength(1);
    await t.call('POST', '/api/v1/records', {
      body: { sourceSystem: 'LATE', localId: 'Z9', familyName: 'Late' },
    });
    const resumed = await t.call('GET', `/api/v1/events?after=${cursor}`);
    expect(resumed.body.events.map((e: { type: string }) => e.type)).toEqual(['created', 'linked']);
    expect(Number(resumed.body.events[0].seq)).toBe(all.length + 1);
    expect((await t.call('GET', '/api/v1/events?after=abc')).body.message).toMatch(/^after: /);
  });

  it('answers a retired person id with its successor', async () => {
    const lone = await t.call('POST', '/api/v1/records', {
      body: { sourceSystem: 'PAS-X', localId: 'M1', familyName: 'Adeyemi', givenName: 'Tunde' },
    });
    expect(lone.body.decision).toBe('new');
    const main = await t.call('POST', '/api/v1/records', {
      body: {
        sourceSystem: 'RIS-X',
        localId: 'M2',
        nhsNumber: '9434765919',
        familyName: 'Adeyemi',
        givenName: 'Tunde',
        dateOfBirth: '1990-03-04',
        sex: 'M',
      },
    });
    // The PAS record is corrected to carry the full demographics: alone in its person, it moves.
    const moved = await t.call('POST', '/api/v1/records', {
      body: {
        sourceSystem: 'PAS-X',
        localId: 'M1',
        nhsNumber: '9434765919',
        familyName: 'Adeyemi',
        givenName: 'Tunde',
        dateOfBirth: '1990-03-04',
        sex: 'M',
      },
    });
    expect(moved.body).toMatchObject({ decision: 'linked', personId: main.body.personId });
    const viaOld = await t.call('GET', `/api/v1/links?personId=${lone.body.personId}`);
    expect(viaOld.body).toMatchObject({
      personId: main.body.personId,
      requestedPersonId: lone.body.personId,
      status: 'active',
    });
    expect(viaOld.body.identifiers).toHaveLength(2);
  });
});
