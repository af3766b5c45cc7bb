import { DEFAULT_MODEL, scorePair, standardise } from '@concord/matching';
import { openTestDatabase, testEngines } from '@concord/persistence/testing';
import type { OpenDatabase } from '@concord/persistence';
import { RegistrationService } from '../registration/registration.service';
import { TermFrequencyStore } from './term-frequency-store';

describe.each(testEngines())('term frequencies on %s', (engine) => {
  let db: OpenDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    // 40 SMITHs and one ZYTKOWSKA among 60 records, loaded the way registration stores them.
    for (let i = 0; i < 60; i++) {
      const familyName = i < 40 ? 'Smith' : i === 40 ? 'Zytkowska' : `Name${i}`;
      const std = standardise({ familyName, givenName: 'Ann', postcode: 'LS1 4AP' });
      await db.dataSource.query(
        `INSERT INTO source_record (id, source_system, local_id, version, raw, standardised, nhs_number_status,
                                    flags, content_hash)
         VALUES (gen_random_uuid(), 'RIS', $1, 1, '{}', $2, 'missing', '{}', $1)`,
        [`L${i}`, JSON.stringify(std)],
      );
    }
  }, 60_000);
  afterAll(() => db?.close());

  it('counts the loaded values and makes a common name worth less than a rare one', async () => {
    const store = new TermFrequencyStore(db.dataSource, { minRecords: 50 });
    expect(await store.refresh()).toEqual({ values: 21 + 1 + 1, records: 60 });
    expect(await store.refreshedAt()).toBeInstanceOf(Date);
    const smith = standardise({ familyName: 'SMITH', givenName: 'Ann' });
    const rare = standardise({ familyName: 'Zytkowska', givenName: 'Ann' });
    const tfSmith = await store.lookupFor(db.dataSource.manager, smith);
    const tfRare = await store.lookupFor(db.dataSource.manager, rare);
    expect(tfSmith?.frequency('familyName', 'SMITH')).toBeCloseTo(40 / 60, 6);
    expect(tfRare?.frequency('familyName', 'ZYTKOWSKA')).toBeCloseTo(1 / 60, 6);
    const family = (tf: typeof tfSmith, r: typeof smith) =>
      scorePair(r, r, DEFAULT_MODEL, { termFrequencies: tf }).comparisons.find(
        (c) => c.field === 'familyName',
      );
    expect(family(tfSmith, smith)?.tfAdjusted).toBe(true);
    expect(family(tfSmith, smith)!.weight).toBeLessThan(family(tfRare, rare)!.weight);
  });

  it("adjusts a registration's comparisons with the frequencies its lookup read", async () => {
    const store = new TermFrequencyStore(db.dataSource, { minRecords: 50 });
    await store.refresh();
    const registration = new RegistrationService(db.dataSource, () => DEFAULT_MODEL, store);
    const ann = {
      familyName: 'Smith',
      givenName: 'Ann',
      dateOfBirth: '1961-07-05',
      sex: 'F',
      postcode: 'LS1 4AP',
    };
    await registration.register({ sourceSystem: 'RIS', localId: 'TF1', ...ann }, 'test');
    const second = await registration.register({ sourceSystem: 'PAS', localId: 'TF2', ...ann }, 'test');
    expect(second.score).not.toBeNull();
    const [link] = await db.dataSource.query(
      `SELECT l.explanation FROM link l JOIN source_record r ON r.id = l.record_id
        WHERE r.local_id = 'TF2' AND l.ended_at IS NULL`,
    );
    const family = link.explanation.comparisons.find((c: { field: string }) => c.field === 'familyName');
    expect(family).toMatchObject({ tfAdjusted: true });
  });

  it('makes no adjustment while too few records are loaded to trust the counts', async () => {
    const store = new TermFrequencyStore(db.dataSource, { minRecords: 10_000 });
    await store.refresh();
    expect(
      await store.lookupFor(db.dataSource.manager, standardise({ familyName: 'Smith' })),
    ).toBeUndefined();
  });
});
