import { DEFAULT_MODEL } from '@concord/matching';
import type { OpenDatabase } from '@concord/persistence';
import { openTestDatabase, testEngines } from '@concord/persistence/testing';
import { MatchService } from '../matching/match.service';
import { RegistrationService } from '../registration/registration.service';
import { auditExportLines, parseAuditFilter } from './audit-export';
import { AuditLedger } from './audit-ledger';

const steward = { name: 'user:steward', role: 'steward', requestId: 'req-1' };

describe.each(testEngines())('audit ledger on %s', (engine) => {
  let db: OpenDatabase;
  let ledger: AuditLedger;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    ledger = new AuditLedger(db.dataSource);
    const registration = new RegistrationService(db.dataSource, () => DEFAULT_MODEL);
    const patient = {
      nhsNumber: '9434765919',
      familyName: 'Smith',
      givenName: 'Jane',
      dateOfBirth: '1980-02-01',
    };
    await registration.register(
      { sourceSystem: 'RIS', localId: 'A', ...patient },
      { name: 'api-key:ris', role: 'api-key[register]' },
    );
    await registration.register(
      { sourceSystem: 'PACS', localId: 'B', ...patient },
      { name: 'api-key:pacs', role: 'api-key[register]' },
    );
    await new MatchService(db.dataSource, () => DEFAULT_MODEL).match(
      { familyName: 'Smith', givenName: 'Jane', dateOfBirth: '1980-02-01' },
      {},
      steward,
    );
  }, 60_000);
  afterAll(() => db?.close());

  it('records registrations and every match candidate shown, with actor, role and request id', async () => {
    const events = [];
    for await (const e of ledger.events({})) events.push(e);
    expect(events.map((e) => e.action)).toEqual([
      'record.registered',
      'record.registered',
      'match.candidates-shown',
    ]);
    expect(events[1]).toMatchObject({ actor: 'api-key:pacs', actorRole: 'api-key[register]' });
    expect((events[1].after as { decision: string }).decision).toBe('linked');
    expect(events[2]).toMatchObject({
      actor: 'user:steward',
      requestId: 'req-1',
      personIds: [events[0].personIds[0]],
    });
    expect(await ledger.verify()).toEqual({ ok: true, checked: 3 });
  });

  it('exports CSV and NDJSON for a filter', async () => {
    const lines: string[] = [];
    for await (const l of auditExportLines(ledger, parseAuditFilter({ actor: 'user:steward' }), 'ndjson'))
      lines.push(l);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ seq: '3', action: 'match.candidates-shown' });
    const csv: string[] = [];
    for await (const l of auditExportLines(
      ledger,
      parseAuditFilter({ from: '2000-01-01', to: '2999-01-01' }),
      'csv',
    ))
      csv.push(l);
    expect(csv[0]).toMatch(/^seq,occurred_at,actor,actor_role,action,person_ids/);
    expect(csv).toHaveLength(4);
    expect(() => parseAuditFilter({ from: 'yesterday' })).toThrow(/^from: /);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the ledger in the database itself', async () => {
    await expect(
      db.dataSource.query(`UPDATE audit_event SET actor = 'someone else' WHERE seq = 1`),
    ).rejects.toThrow(/append-only/);
    await expect(db.dataSource.query(`DELETE FROM audit_event WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(db.dataSource.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    await ledger.verify();
    // The chain beside it is append-only too.
    await expect(db.dataSource.query(`UPDATE audit_seal SET hash = 'x' WHERE position = 1`)).rejects.toThrow(
      /audit_seal is append-only/,
    );
    await expect(db.dataSource.query(`DELETE FROM audit_seal WHERE position = 1`)).rejects.toThrow(/append-only/);
    await expect(db.dataSource.query(`TRUNCATE audit_seal`)).rejects.toThrow(/append-only/);
  });

  it('names the first broken event when a superuser rewrites or removes one', async () => {
    await db.dataSource.transaction(async (m) => {
      // A superuser can switch triggers off for a session: the hash chain still tells.
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(`UPDATE audit_event SET after = jsonb_set(after, '{decision}', '"new"') WHERE seq = 2`);
    });
    expect(await ledger.verify()).toMatchObject({
      ok: false,
      checked: 1,
      firstBroken: { seq: '2', problem: expect.stringMatching(/content/) },
    });
    await db.dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(`DELETE FROM audit_event WHERE seq = 2`);
    });
    expect(await ledger.verify()).toMatchObject({
      ok: false,
      firstBroken: { seq: '2', problem: expect.stringMatching(/missing/) },
    });
    // Removing its seal as well leaves a hole in the chain's positions.
    await db.dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(`DELETE FROM audit_seal WHERE event_seq = 2`);
    });
    expect(await ledger.verify()).toMatchObject({
      ok: false,
      firstBroken: { seq: '3', problem: expect.stringMatching(/position 2 next: events are missing/) },
    });
  });
});
