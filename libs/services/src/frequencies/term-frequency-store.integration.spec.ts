import { DEFAULT_MODEL, scorePair, standardise } from '@concord/matching';
import { openTestDatabase, testEngines } from '@concord/persistence/testing';
import type { OpenDatabase } from '@concord/persistence';
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

  it('makes no adjustment while too few records are loaded to trust the counts', async () => {
    const store = new TermFrequencyStore(db.dataSource, { minRecords: 10_000 });
    await store.refresh();
    expect(
      await store.lookupFor(db.dataSource.manager, standardise({ familyName: 'Smith' })),
    ).toBeUndefined();
  });
});
