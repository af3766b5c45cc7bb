import { DEFAULT_MODEL } from '@concord/matching';
import type { OpenDatabase } from '@concord/persistence';
import { openTestDatabase, testEngines } from '@concord/persistence/testing';
import { AuditLedger } from '../audit/audit-ledger';
import { RegistrationService } from '../registration/registration.service';
import { PersonOperations } from '../steward/person-operations';
import { PersonHistoryService } from './person-history';

const auditor = { name: 'user:auditor', role: 'auditor', requestId: 'req-history' };
const jane = { nhsNumber: '9434765919', familyName: 'Smith', givenName: 'Jane', dateOfBirth: '1980-02-01' };
const anna = { nhsNumber: '4010232137', familyName: 'Nowak', givenName: 'Anna', dateOfBirth: '1975-07-14' };

/** The next instant the database can tell apart from this one. */
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

/** An instant strictly after everything done so far and before anything done next. */
async function instant(): Promise<Date> {
  await pause();
  const at = new Date();
  await pause();
  return at;
}

describe.each(testEngines())('person history (time travel) on %s', (engine) => {
  let db: OpenDatabase;
  let history: PersonHistoryService;
  let janeId: string;
  let annaId: string;
  const t: Date[] = [];

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    history = new PersonHistoryService(db.dataSource);
    const registration = new RegistrationService(db.dataSource, () => DEFAULT_MODEL);
    const ris = { name: 'api-key:ris', role: 'api-key[register]' };
    const pacs = { name: 'api-key:pacs', role: 'api-key[register]' };
    const pas = { name: 'api-key:pas', role: 'api-key[register]' };
    t.push(await instant()); // t0: nothing yet
    janeId = (await registration.register({ sourceSystem: 'RIS', localId: 'A1', ...jane }, ris)).personId;
    t.push(await instant()); // t1: A1
    const second = await registration.register({ sourceSystem: 'PACS', localId: 'P7', ...jane }, pacs);
    expect(second).toMatchObject({ decision: 'linked', personId: janeId });
    t.push(await instant()); // t2: A1, P7
    const third = await registration.register({ sourceSystem: 'PAS', localId: 'C1', ...anna }, pas);
    expect(third.decision).toBe('new');
    annaId = third.personId;
    t.push(await instant()); // t3: Jane A1, P7; Anna C1
    // PAS corrects its record: it now names Jane, so C1 moves and Anna's person is retired.
    const moved = await registration.register({ sourceSystem: 'PAS', localId: 'C1', ...jane }, pas);
    expect(moved).toMatchObject({ decision: 'linked', personId: janeId });
    t.push(await instant()); // t4: Jane A1, P7, C1; Anna retired into Jane
  }, 90_000);
  afterAll(() => db?.close());

  const record = <T extends { localId: string }>(answer: { records: T[] }, localId: string): T => {
    const found = answer.records.find((r) => r.localId === localId);
    if (!found) throw new Error(`${localId} is not in the answer`);
    return found;
  };
  const systems = (answer: { records: Array<{ sourceSystem: string; localId: string }> }) =>
    answer.records.map((r) => `${r.sourceSystem}/${r.localId}`).sort();

  it('knows a person did not exist before its first record', async () => {
    const answer = await history.personAt(janeId, t[0], auditor);
    expect(answer).toMatchObject({ personId: janeId, status: 'not-created', records: [], followed: [] });
  });

  it('answers with the records linked at each instant, with the evidence and the event that made each link', async () => {
    const first = await history.personAt(janeId, t[1], auditor);
    expect(first.status).toBe('active');
    expect(systems(first)).toEqual(['RIS/A1']);
    expect(first.records[0]).toMatchObject({
      linkType: 'auto',
      reason: 'new-person',
      linkedBy: 'api-key:ris',
    });
    expect(first.records[0].events.map((e) => [e.action, e.actor])).toEqual([
      ['record.registered', 'api-key:ris'],
    ]);

    const second = await history.personAt(janeId, t[2], auditor);
    expect(systems(second)).toEqual(['PACS/P7', 'RIS/A1']);
    const p7 = record(second, 'P7');
    expect(p7).toMatchObject({ reason: 'auto-link', linkedBy: 'api-key:pacs', endedAt: null });
    expect(p7.score).toBeGreaterThan(0);
    expect(p7.matchProbability).toBeGreaterThan(0.9);
    expect(p7.modelVersion).toBe(DEFAULT_MODEL.version);
    expect(p7.explanation).not.toBeNull();
    expect(p7.events).toHaveLength(1);
    expect(p7.events[0]).toMatchObject({
      action: 'record.registered',
      actor: 'api-key:pacs',
      actorRole: 'api-key[register]',
      modelVersion: DEFAULT_MODEL.version,
    });

    expect(systems(await history.personAt(janeId, t[3], auditor))).toEqual(['PACS/P7', 'RIS/A1']);
    const now = await history.personAt(janeId, t[4], auditor);
    expect(systems(now)).toEqual(['PACS/P7', 'PAS/C1', 'RIS/A1']);
    const c1 = record(now, 'C1');
    expect(c1).toMatchObject({ reason: 'auto-link', linkedBy: 'api-key:pas' });
    expect(c1.events.map((e) => e.action)).toEqual(['record.updated']);
  });

  it('shows a person as it was before it was retired, and follows it to its successor afterwards', async () => {
    const before = await history.personAt(annaId, t[3], auditor);
    expect(before).toMatchObject({
      requestedId: annaId,
      personId: annaId,
      status: 'active',
      followed: [],
      currentStatus: 'retired',
      currentSuccessorId: janeId,
    });
    expect(systems(before)).toEqual(['PAS/C1']);
    // Asked about later, the link table knows that record under Jane: the link it had then has ended.
    expect(before.records[0].endedAt).not.toBeNull();
    expect(before.records[0].endedBy).toBe('api-key:pas');

    const after = await history.personAt(annaId, t[4], auditor);
    expect(after).toMatchObject({ requestedId: annaId, personId: janeId, status: 'active' });
    expect(after.followed).toEqual([{ personId: annaId, successorId: janeId, retiredAt: expect.any(Date) }]);
    const retiredAt = after.followed[0].retiredAt?.getTime() ?? Number.NaN;
    expect(retiredAt).toBeLessThanOrEqual(t[4].getTime());
    expect(retiredAt).toBeGreaterThan(t[3].getTime());
    expect(systems(after)).toEqual(['PACS/P7', 'PAS/C1', 'RIS/A1']);
  });

  it("follows a person merged twice to the person that held its record at the instant, not to today's successor", async () => {
    const registration = new RegistrationService(db.dataSource, () => DEFAULT_MODEL);
    const ris = { name: 'api-key:ris', role: 'api-key[register]' };
    const steward = { name: 'user:ann', role: 'steward' };
    const merge = (survivorId: string, retiredId: string) =>
      db.dataSource.transaction((m) =>
        new PersonOperations().requestMerge(
          m,
          { survivorId, retiredId, reason: 'same patient', taskId: null, pendingReason: null },
          steward,
        ),
      );
    const person = async (localId: string, familyName: string, givenName: string, dateOfBirth: string) =>
      (await registration.register({ sourceSystem: 'RIS', localId, familyName, givenName, dateOfBirth }, ris))
        .personId;
    const x = await person('X1', 'Kowalczyk', 'Marta', '1949-04-09');
    const y = await person('Y1', 'Oyelaran', 'Tunde', '1966-12-30');
    const z = await person('Z1', 'Haddad', 'Leila', '1988-05-17');
    await merge(y, z);
    const between = await instant(); // Z1 is Y's; Z retired into Y
    await merge(x, y);

    const answer = await history.personAt(z, between, auditor);
    expect(answer).toMatchObject({ requestedId: z, personId: y, status: 'active' });
    expect(answer.followed).toEqual([{ personId: z, successorId: y, retiredAt: expect.any(Date) }]);
    expect(systems(answer)).toEqual(['RIS/Y1', 'RIS/Z1']);
  });

  it('audits every answer as a read of patient data', async () => {
    const ledger = new AuditLedger(db.dataSource);
    await history.personAt(annaId, t[4], { ...auditor, requestId: 'req-follow' });
    const reads = [];
    for await (const e of ledger.events({ action: 'person.history-viewed' })) reads.push(e);
    const last = reads[reads.length - 1];
    expect(last).toMatchObject({ actor: 'user:auditor', actorRole: 'auditor', requestId: 'req-follow' });
    expect(last.personIds).toEqual([annaId, janeId]);
    expect(last.recordIds).toHaveLength(3);
    expect(last.after).toEqual({ at: t[4].toISOString() });
  });

  it('refuses a malformed id and names an unknown one', async () => {
    await expect(history.personAt('not-a-uuid', t[1], auditor)).rejects.toThrow(/^id: must be a UUID/);
    await expect(history.personAt('00000000-0000-4000-8000-000000000000', t[1], auditor)).rejects.toThrow(
      /No person with id/,
    );
  });
});
