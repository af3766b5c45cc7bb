import { randomUUID } from 'node:crypto';
import { DEFAULT_MODEL } from '@concord/matching';
import { openTestDatabase, testEngines } from '@concord/persistence/testing';
import type { OpenDatabase } from '@concord/persistence';
import { ServiceErrorCode } from '../errors/service-error';
import { lockPersonForLink } from './person-locks';
import { RegistrationService } from '../registration/registration.service';

describe.each(testEngines())('locking the person a record joins, on %s', (engine) => {
  let db: OpenDatabase;
  let first: { personId: string };
  let second: { personId: string };

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    const registration = new RegistrationService(db.dataSource, () => DEFAULT_MODEL);
    first = await registration.register(
      {
        sourceSystem: 'RIS',
        localId: 'A1',
        familyName: 'Okafor',
        givenName: 'Ada',
        dateOfBirth: '1971-03-04',
        postcode: 'LS6 1AA',
      },
      'test',
    );
    second = await registration.register(
      {
        sourceSystem: 'PAS',
        localId: 'B2',
        familyName: 'Lindqvist',
        givenName: 'Bo',
        dateOfBirth: '1990-12-24',
        sex: 'M',
      },
      'test',
    );
  }, 60_000);
  afterAll(() => db?.close());

  it("reads the person's current records for its golden view", async () => {
    const locked = await db.dataSource.transaction((manager) => lockPersonForLink(manager, first.personId));
    expect(locked.personId).toBe(first.personId);
    expect(locked.records).toHaveLength(1);
    expect(locked.records[0]).toMatchObject({
      sourceSystem: 'RIS',
      nhsNumberStatus: 'missing',
      dateOfBirth: '1971-03-04',
      raw: expect.objectContaining({ familyName: 'Okafor' }),
    });
    expect(locked.records[0].updatedAt).toBeInstanceOf(Date);
  });

  it('follows a retired person to its successor, and holds the successor locked', async () => {
    await db.dataSource.query(`UPDATE person SET status = 'retired', successor_id = $1 WHERE id = $2`, [
      first.personId,
      second.personId,
    ]);
    await db.dataSource.transaction(async (manager) => {
      const locked = await lockPersonForLink(manager, second.personId);
      expect(locked.personId).toBe(first.personId);
      expect(locked.records.map((r) => r.sourceSystem)).toEqual(['RIS']);
      if (engine === 'postgres') {
        // Another connection cannot lock the successor while this transaction holds it.
        const other = await db.dataSource.createQueryRunner();
        try {
          await other.startTransaction();
          const free = await other.query(`SELECT id FROM person WHERE id = $1 FOR UPDATE SKIP LOCKED`, [
            first.personId,
          ]);
          expect(free).toEqual([]);
          await other.rollbackTransaction();
        } finally {
          await other.release();
        }
      }
    });
  });

  it('refuses a person that does not exist', async () => {
    const missing = randomUUID();
    await expect(
      db.dataSource.transaction((manager) => lockPersonForLink(manager, missing)),
    ).rejects.toMatchObject({ code: ServiceErrorCode.NotFound, message: `person ${missing} not found` });
  });
});
