import { DEFAULT_MODEL } from '@concord/matching';
import { openTestDatabase, testEngines } from '@concord/persistence/testing';
import type { OpenDatabase } from '@concord/persistence';
import { LinksService } from '../links/links.service';
import { RegistrationService } from './registration.service';
import { sequenceChangeEvents } from '../events/change-events';

const jane = {
  nhsNumber: '943 476 5919',
  familyName: 'Smith',
  givenName: 'Jane',
  dateOfBirth: '1980-02-01',
  sex: 'F',
  postcode: 'LS1 4AP',
};

describe.each(testEngines())('registration on %s', (engine) => {
  let db: OpenDatabase;
  let registration: RegistrationService;
  let links: LinksService;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    registration = new RegistrationService(db.dataSource, () => DEFAULT_MODEL);
    links = new LinksService(db.dataSource);
  }, 60_000);
  afterAll(() => db?.close());

  it('links the same valid NHS number from two systems to one person', async () => {
    const first = await registration.register({ sourceSystem: 'RIS-LEEDS', localId: 'R1', ...jane }, 'test');
    const second = await registration.register(
      { sourceSystem: 'PACS-YORK', localId: 'P9', ...jane, givenName: 'JANE' },
      'test',
    );
    expect(first.decision).toBe('new');
    expect(second.decision).toBe('linked');
    expect(second.personId).toBe(first.personId);
    const view = await links.bySourceIdentifier('PACS-YORK', 'P9', { name: 'test', role: 'test' });
    expect(view.identifiers.map((i) => `${i.system}|${i.localId}`)).toEqual(['PACS-YORK|P9', 'RIS-LEEDS|R1']);
    expect(view.nhsNumbers).toEqual(['9434765919']);
  });

  it('answers a repeated registration unchanged, and keeps a version for a changed one', async () => {
    const again = await registration.register({ sourceSystem: 'RIS-LEEDS', localId: 'R1', ...jane }, 'test');
    expect(again.unchanged).toBe(true);
    const changed = await registration.register(
      { sourceSystem: 'RIS-LEEDS', localId: 'R1', ...jane, phone: '07700 900123' },
      'test',
    );
    expect(changed.unchanged).toBe(false);
    const versions = await db.dataSource.query(
      `SELECT v.version FROM source_record_version v JOIN source_record r ON r.id = v.record_id
        WHERE r.source_system = 'RIS-LEEDS' AND r.local_id = 'R1' ORDER BY v.version`,
    );
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  it('keeps and flags a record whose NHS number fails Modulus 11', async () => {
    const result = await registration.register(
      {
        sourceSystem: 'RIS-LEEDS',
        localId: 'BAD1',
        nhsNumber: '943 476 5918',
        familyName: 'Okafor',
        givenName: 'Chidi',
      },
      'test',
    );
    expect(result.decision).toBe('new');
    expect(result.flags).toContain('nhs-number-invalid');
    const [row] = await db.dataSource.query(
      `SELECT nhs_number, nhs_number_status FROM source_record WHERE local_id = 'BAD1'`,
    );
    expect(row).toEqual({ nhs_number: '9434765918', nhs_number_status: 'invalid' });
  });

  it('ends overlapping registrations of one new patient as one person', async () => {
    const patient = {
      nhsNumber: '401 023 2137',
      familyName: 'Kowalski',
      givenName: 'Anna',
      dateOfBirth: '1975-07-14',
      sex: 'F',
    };
    const results = await Promise.all(
      ['RIS-A', 'RIS-B', 'PACS-C', 'PAS-D', 'PAS-E', 'RIS-F'].map((system) =>
        registration.register({ sourceSystem: system, localId: 'X1', ...patient }, 'test'),
      ),
    );
    expect(new Set(results.map((r) => r.personId)).size).toBe(1);
    expect(results.filter((r) => r.decision === 'new')).toHaveLength(1);
  });

  it('writes a gap-free, ordered change feed', async () => {
    await sequenceChangeEvents(db.dataSource, { wait: true });
    const rows: Array<{ seq: string }> = await db.dataSource.query(
      'SELECT seq FROM change_event ORDER BY seq',
    );
    expect(rows.length).toBeGreaterThan(5);
    rows.forEach((row, i) => expect(Number(row.seq)).toBe(i + 1));
  });

  it('makes "one current link per record" a database rule', async () => {
    const [{ id }] = await db.dataSource.query(`SELECT id FROM source_record WHERE local_id = 'BAD1'`);
    const [{ person_id }] = await db.dataSource.query(`SELECT person_id FROM link WHERE record_id = $1`, [
      id,
    ]);
    await expect(
      db.dataSource.query(
        `INSERT INTO link (record_id, person_id, type, reason, created_by) VALUES ($1, $2, 'manual', 'test', 'test')`,
        [id, person_id],
      ),
    ).rejects.toThrow(/uq_link_current_record/);
  });
});
