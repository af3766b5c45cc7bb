import { DEFAULT_MODEL } from '@concord/matching';
import { openTestDatabase, testEngines } from '@concord/persistence/testing';
import type { OpenDatabase } from '@concord/persistence';
import { AuditLedger } from '../audit/audit-ledger';
import { AuditActor } from '../audit/audit-log';
import { ServiceErrorCode } from '../errors/service-error';
import { sequenceChangeEvents } from '../events/change-events';
import { LinksService } from '../links/links.service';
import { RegistrationService } from '../registration/registration.service';
import { keepApart } from './kept-apart';
import { currentRecords, PersonOperations } from './person-operations';
import { StewardDecisions } from './steward-decisions';
import { openTasks } from './task-opening';
import { TaskComparisons } from './task-comparison';
import { StewardQueues } from './task-queries';

const steward: AuditActor = { name: 'user:ann', role: 'steward' };
const other: AuditActor = { name: 'user:bob', role: 'steward' };
const senior: AuditActor = { name: 'user:sue', role: 'senior-steward' };
const ris = { name: 'api-key:RIS', role: 'api-key' };

/** A patient of her own per test, so that no test's records match another's. */
const patient = (familyName: string, givenName: string, dateOfBirth: string) => ({
  familyName,
  givenName,
  dateOfBirth,
  sex: 'F',
  postcode: 'LS6 2QT',
});
/** Scores in the review band against the patient: a given-name typo and another postcode. */
const doubtful = (p: ReturnType<typeof patient>) => ({
  ...p,
  givenName: p.givenName.slice(0, 2) + p.givenName.slice(3),
  postcode: 'M1 1AA',
});
const adaeze = patient('Okafor', 'Adaeze', '1975-06-14');
const adaezeDoubtful = doubtful(adaeze);

/** Everything an undo must restore: current links and persons, without row ids or times. */
async function linkTableState(db: OpenDatabase) {
  const links = await db.dataSource.query(
    `SELECT record_id, person_id, type, score, match_probability, model_version, reason, created_by
       FROM link WHERE ended_at IS NULL ORDER BY record_id`,
  );
  const persons = await db.dataSource.query(
    `SELECT id, status, successor_id, golden FROM person ORDER BY id`,
  );
  return { links, persons };
}

const expectCode = async (promise: Promise<unknown>, code: ServiceErrorCode) =>
  expect(promise).rejects.toMatchObject({ code });

describe.each(testEngines())('steward workflow on %s', (engine) => {
  let db: OpenDatabase;
  let registration: RegistrationService;
  let decisions: StewardDecisions;
  let queues: StewardQueues;
  let comparisons: TaskComparisons;
  let n = 0;
  const register = (body: object, system = 'RIS') =>
    registration.register({ sourceSystem: system, localId: `L${(n += 1)}`, ...body }, ris);
  const taskOf = async (recordId: string, type: string) => {
    const page = await queues.page({ filter: { queue: type as never }, sort: 'priority', first: 500 });
    const task = page.tasks.find((t) => t.recordId === recordId);
    if (!task) throw new Error(`no ${type} task for ${recordId}`);
    return task;
  };

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    registration = new RegistrationService(db.dataSource, () => DEFAULT_MODEL);
    decisions = new StewardDecisions(db.dataSource, { leaseMinutes: 15, fourEyes: 'different-nhs' });
    queues = new StewardQueues(db.dataSource);
    comparisons = new TaskComparisons(db.dataSource, () => DEFAULT_MODEL);
  }, 60_000);
  afterAll(() => db?.close());

  it('walks a possible duplicate from claim to merge, and undo restores the identical state', async () => {
    const first = await register(adaeze);
    const second = await register(adaezeDoubtful, 'PACS');
    expect(second.decision).toBe('review');
    expect(second.personId).not.toBe(first.personId);
    const task = await taskOf(second.recordId, 'possible-duplicate');
    expect(task).toMatchObject({
      status: 'open',
      candidatePersonId: first.personId,
      sourceSystems: ['PACS', 'RIS'],
    });

    const claimed = await decisions.claim(task.id, task.version, steward);
    expect(claimed).toMatchObject({ status: 'claimed', assignee: steward.name });
    await expectCode(decisions.claim(task.id, null, other), ServiceErrorCode.Conflict);

    const comparison = await comparisons.compare(task.id, steward);
    expect(comparison.recordSide.records[0].id).toBe(second.recordId);
    expect(comparison.candidateSide.records.map((r) => r.id)).toEqual([first.recordId]);
    expect(comparison.score?.comparisons.find((c) => c.field === 'givenName')?.level).not.toBe('exact');

    const before = await linkTableState(db);
    await expectCode(
      decisions.samePerson({ taskId: task.id, version: claimed.version, reason: ' ' }, steward),
      ServiceErrorCode.Validation,
    );
    const merged = await decisions.samePerson(
      { taskId: task.id, version: claimed.version, reason: 'same patient, typo in given name' },
      steward,
    );
    expect(merged.task).toMatchObject({ status: 'resolved', resolution: 'same-person' });
    expect(merged.operation).toMatchObject({ kind: 'merge', status: 'applied', personId: first.personId });
    const view = await new LinksService(db.dataSource).byPersonId(second.personId, steward);
    expect(view.personId).toBe(first.personId);
    expect(view.identifiers).toHaveLength(2);

    // Events are numbered after commit (any API replica does it; here, at once).
    await sequenceChangeEvents(db.dataSource, { wait: true });
    const feed = await db.dataSource.query(
      `SELECT type, person_id, payload FROM change_event ORDER BY seq DESC LIMIT 3`,
    );
    expect(feed[0]).toMatchObject({ type: 'merged', person_id: first.personId });
    const audit = await db.dataSource.query(
      `SELECT action, reason FROM audit_event WHERE action LIKE 'person.%' OR action = 'task.resolved' ORDER BY seq`,
    );
    expect(audit).toEqual([
      { action: 'person.merged', reason: 'same patient, typo in given name' },
      { action: 'task.resolved', reason: 'same patient, typo in given name' },
    ]);

    const undone = await decisions.undo(
      { operationId: merged.operation!.id, reason: 'merged in error' },
      senior,
    );
    expect(undone.status).toBe('undone');
    expect(await linkTableState(db)).toEqual(before);
    expect((await queues.byId(task.id)).status).toBe('open');
    await expectCode(
      decisions.undo({ operationId: merged.operation!.id, reason: 'again' }, senior),
      ServiceErrorCode.Conflict,
    );
    expect(await new AuditLedger(db.dataSource).verify()).toMatchObject({ ok: true });
  });

  it('remembers "not the same person" until a record changes materially', async () => {
    const abena = patient('Mensah', 'Abenaa', '1982-03-21');
    const first = await register(abena);
    const second = await register(doubtful(abena), 'PACS');
    const task = await taskOf(second.recordId, 'possible-duplicate');
    const result = await decisions.notSamePerson(
      { taskId: task.id, version: task.version, reason: 'different mothers named on the requests' },
      steward,
    );
    expect(result.task).toMatchObject({ status: 'resolved', resolution: 'not-same-person' });

    // A new phone number is not material: the pair stays apart and is not proposed again.
    const phone = await registration.register(
      { sourceSystem: 'PACS', localId: `L${n}`, ...doubtful(abena), phone: '07700 900001' },
      ris,
    );
    expect(phone.personId).toBe(second.personId);
    const open = await queues.page({ filter: { queue: 'possible-duplicate' }, sort: 'age', first: 100 });
    expect(open.tasks.filter((t) => t.recordId === second.recordId)).toEqual([]);

    // The corrected given name is material: the pair may be proposed (here linked) again.
    const corrected = await registration.register(
      { sourceSystem: 'PACS', localId: `L${n}`, ...abena, postcode: 'M1 1AA' },
      ris,
    );
    expect(corrected.personId).toBe(first.personId);
  });

  it('splits records off a person; a re-registration does not silently re-link them; a later change blocks undo', async () => {
    const chinua = { ...patient('Achebe', 'Chinelo', '1990-11-02'), nhsNumber: '485 777 3406' };
    const a = await register(chinua);
    const b = await register(chinua, 'PACS');
    expect(b.personId).toBe(a.personId);
    await expectCode(
      decisions.split({ personId: a.personId, recordIds: [a.recordId, b.recordId], reason: 'all' }, steward),
      ServiceErrorCode.Validation,
    );
    const split = await decisions.split(
      { personId: a.personId, recordIds: [b.recordId], reason: 'twin' },
      steward,
    );
    expect(split).toMatchObject({ kind: 'split', status: 'applied', recordIds: [b.recordId] });
    const newPerson = split.otherPersonId as string;

    const again = await registration.register(
      { sourceSystem: 'PACS', localId: `L${n}`, ...chinua, phone: '0113 496 0000' },
      ris,
    );
    expect(again.personId).toBe(newPerson);
    const newRecord = await register(chinua, 'CRIS');
    expect([a.personId, newPerson]).toContain(newRecord.personId);

    await expectCode(
      decisions.undo({ operationId: split.id, reason: 'no' }, senior),
      ServiceErrorCode.Conflict,
    );
    const lateLink = await db.dataSource.query(
      `SELECT person_id FROM link WHERE record_id = $1 AND ended_at IS NULL`,
      [newRecord.recordId],
    );
    expect(lateLink).toHaveLength(1);
  });

  it('undoes a split back to the exact before-state', async () => {
    const ngozi = { ...patient('Nwosu', 'Ngozi', '1968-07-30'), nhsNumber: '485 777 3414' };
    const a = await register(ngozi);
    const b = await register(ngozi, 'PACS');
    expect(b.personId).toBe(a.personId);
    const before = await linkTableState(db);
    const split = await decisions.split(
      { personId: a.personId, recordIds: [b.recordId], reason: 'wrong' },
      steward,
    );
    await decisions.undo({ operationId: split.id, reason: 'split in error' }, senior);
    const after = await linkTableState(db);
    expect(after.links).toEqual(before.links);
    // The person the split created stays resolvable: retired into the original.
    const created = after.persons.find((p: { id: string }) => p.id === split.otherPersonId);
    expect(created).toMatchObject({ status: 'retired', successor_id: a.personId });
    expect(after.persons.filter((p: { id: string }) => p.id !== split.otherPersonId)).toEqual(before.persons);
  });

  it('undoing a merge gives back the retired person the persons merged into it earlier', async () => {
    const merge = (survivorId: string, retiredId: string) =>
      db.dataSource.transaction((m) =>
        new PersonOperations().requestMerge(
          m,
          { survivorId, retiredId, reason: 'same patient', taskId: null, pendingReason: null },
          steward,
        ),
      );
    const a = await register(patient('Balogun', 'Folake', '1961-02-03'));
    const b = await register(patient('Adeyemi', 'Kunle', '1977-08-19'));
    const c = await register(patient('Chukwu', 'Obinna', '1983-10-27'));
    await merge(b.personId, c.personId);
    const before = await linkTableState(db);
    const later = await merge(a.personId, b.personId);
    await decisions.undo({ operationId: later.id, reason: 'merged in error' }, senior);
    expect(await linkTableState(db)).toEqual(before);
    // The person merged first still resolves to the person that holds its record.
    const view = await new LinksService(db.dataSource).byPersonId(c.personId, steward);
    expect(view.personId).toBe(b.personId);
  });

  it('undoing a merge brings back the "not the same person" decisions the merge overrode', async () => {
    const a = await register(patient('Lindqvist', 'Sigrid', '1957-09-08'));
    const b = await register(patient('Moreau', 'Camille', '1992-01-25'));
    await db.dataSource.transaction(async (m) => {
      const records = await currentRecords(m, [a.personId, b.personId]);
      await keepApart(
        m,
        records.filter((r) => r.id === a.recordId),
        records.filter((r) => r.id === b.recordId),
        { reason: 'different patients', decidedBy: steward.name, operationId: null },
      );
    });
    const keptApart = () =>
      db.dataSource.query(
        `SELECT record_a, record_b, identity_a, identity_b, reason, decided_by, decided_at, operation_id
           FROM kept_apart WHERE record_a = ANY($1::uuid[]) ORDER BY record_a, record_b`,
        [[a.recordId, b.recordId]],
      );
    const before = await keptApart();
    expect(before).toHaveLength(1);
    const merged = await db.dataSource.transaction((m) =>
      new PersonOperations().requestMerge(
        m,
        {
          survivorId: a.personId,
          retiredId: b.personId,
          reason: 'same after all',
          taskId: null,
          pendingReason: null,
        },
        steward,
      ),
    );
    expect(await keptApart()).toEqual([]);
    await decisions.undo({ operationId: merged.id, reason: 'merged in error' }, senior);
    expect(await keptApart()).toEqual(before);
  });

  it("refuses to undo a merge once a later update has changed the merged person's golden view", async () => {
    const rosa = patient('Ferreira', 'Rosa', '1946-06-06');
    const a = await register(rosa);
    const b = await register(patient('Jansen', 'Pieter', '1939-03-15'));
    const merged = await db.dataSource.transaction((m) =>
      new PersonOperations().requestMerge(
        m,
        { survivorId: a.personId, retiredId: b.personId, reason: 'same', taskId: null, pendingReason: null },
        steward,
      ),
    );
    // RIS sends a new address for its record: the person's golden view changes, its links do not.
    const moved = await registration.register(
      { sourceSystem: 'RIS', localId: `L${n - 1}`, ...rosa, postcode: 'YO1 7HH' },
      ris,
    );
    expect(moved.personId).toBe(a.personId);
    const [{ golden }] = await db.dataSource.query(`SELECT golden FROM person WHERE id = $1`, [a.personId]);
    expect(golden.postcode).toBe('YO1 7HH');
    await expectCode(
      decisions.undo({ operationId: merged.id, reason: 'merged in error' }, senior),
      ServiceErrorCode.Conflict,
    );
    const [after] = await db.dataSource.query(`SELECT golden FROM person WHERE id = $1`, [a.personId]);
    expect(after.golden.postcode).toBe('YO1 7HH');
  });

  it('undoing a merge puts back the other tasks the merge superseded or pointed at the survivor', async () => {
    const a = await register(patient('Virtanen', 'Aino', '1953-02-28'));
    const b = await register(patient('Novak', 'Petra', '1979-07-07'));
    const c = await register(patient('Horvat', 'Maja', '1999-12-01'));
    await db.dataSource.transaction((m) =>
      openTasks(m, [
        // Superseded by the merge: its record and candidate become one person.
        { type: 'possible-duplicate', recordId: a.recordId, candidatePersonId: b.personId, score: null },
        // Re-pointed by the merge: it proposes the retired person.
        { type: 'possible-duplicate', recordId: c.recordId, candidatePersonId: b.personId, score: null },
      ]),
    );
    const superseded = await taskOf(a.recordId, 'possible-duplicate');
    await decisions.claim(superseded.id, superseded.version, other);
    const tasks = () =>
      db.dataSource.query(
        `SELECT id, status, resolution, resolved_by, reason, assignee, candidate_person_id FROM review_task
          WHERE record_id = ANY($1::uuid[]) AND type = 'possible-duplicate' ORDER BY id`,
        [[a.recordId, c.recordId]],
      );
    const before = await tasks();
    expect(before).toHaveLength(2);
    const merged = await db.dataSource.transaction((m) =>
      new PersonOperations().requestMerge(
        m,
        { survivorId: a.personId, retiredId: b.personId, reason: 'same', taskId: null, pendingReason: null },
        steward,
      ),
    );
    const during: Array<{ id: string; resolution: string | null; candidate_person_id: string }> =
      await tasks();
    expect(during.find((t) => t.id === superseded.id)).toMatchObject({ resolution: 'superseded' });
    expect(during.find((t) => t.id !== superseded.id)).toMatchObject({ candidate_person_id: a.personId });
    await decisions.undo({ operationId: merged.id, reason: 'merged in error' }, senior);
    expect(await tasks()).toEqual(before);
  });

  it('queues two valid NHS numbers for one person and holds the merge for a second steward', async () => {
    const ify = patient('Eze', 'Ifeoma', '1959-01-17');
    const a = await register({ ...ify, nhsNumber: '943 476 5919' });
    const b = await register({ ...ify, nhsNumber: '943 476 5870' }, 'PACS');
    expect(b.decision).toBe('review');
    const task = await taskOf(b.recordId, 'nhs-duplicate');
    expect(task.priority).toBeGreaterThan(300);
    const requested = await decisions.samePerson(
      { taskId: task.id, version: task.version, reason: 'duplicate registration at PAS' },
      steward,
    );
    expect(requested.task.status).toBe('pending-approval');
    expect(requested.operation).toMatchObject({ status: 'pending-approval' });
    expect(
      (await linkTableState(db)).links.find((l: { record_id: string }) => l.record_id === b.recordId)
        .person_id,
    ).toBe(b.personId);
    await expectCode(
      decisions.approve({ operationId: requested.operation!.id, reason: 'me' }, steward),
      ServiceErrorCode.Forbidden,
    );
    const approved = await decisions.approve(
      { operationId: requested.operation!.id, reason: 'checked PDS' },
      senior,
    );
    expect(approved.operation).toMatchObject({ status: 'applied', decidedBy: senior.name });
    expect(approved.task).toMatchObject({
      status: 'resolved',
      resolution: 'same-person',
      resolvedBy: steward.name,
    });
    // The ledger names who acted in that request: the approver, never the steward who asked.
    const resolvedEvents = await db.dataSource.query(
      `SELECT actor, actor_role, after->>'requestedBy' AS requested_by FROM audit_event
        WHERE action = 'task.resolved' AND after->>'taskId' = $1`,
      [task.id],
    );
    expect(resolvedEvents).toEqual([
      { actor: senior.name, actor_role: 'senior-steward', requested_by: steward.name },
    ]);
    const links = await db.dataSource.query(
      `SELECT person_id FROM link WHERE record_id = $1 AND ended_at IS NULL`,
      [b.recordId],
    );
    expect(links[0].person_id).toBe(a.personId);
  });

  it('queues a shared NHS number and a number to trace, and closes tracing when a valid number arrives', async () => {
    await register({ ...patient('Obi', 'Amaka', '2001-05-05'), nhsNumber: '450 557 7104' });
    const stranger = await register(
      {
        familyName: 'Brown',
        givenName: 'Peter',
        sex: 'M',
        dateOfBirth: '1950-01-02',
        postcode: 'EX1 1AA',
        nhsNumber: '450 557 7104',
      },
      'PACS',
    );
    expect(stranger.decision).toBe('new');
    expect((await taskOf(stranger.recordId, 'nhs-shared')).priority).toBeGreaterThanOrEqual(400);

    const tobi = patient('Trace', 'Tobi', '1999-09-09');
    const untraced = await register(tobi);
    const trace = await taskOf(untraced.recordId, 'nhs-trace');
    await expectCode(
      decisions.samePerson({ taskId: trace.id, version: trace.version, reason: 'x' }, steward),
      ServiceErrorCode.Validation,
    );
    await registration.register(
      { sourceSystem: 'RIS', localId: `L${n}`, ...tobi, nhsNumber: '485 777 3422' },
      ris,
    );
    expect(await queues.byId(trace.id)).toMatchObject({ status: 'resolved', resolution: 'superseded' });

    const other2 = await register(patient('Tracey', 'Kemi', '1944-04-04'));
    const trace2 = await taskOf(other2.recordId, 'nhs-trace');
    const resolved = await decisions.resolveTrace(
      { taskId: trace2.id, version: trace2.version, reason: 'traced on PDS; RIS will resend' },
      steward,
    );
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'traced', resolvedBy: steward.name });
  });

  it('lets exactly one of two simultaneous decisions on a task win', async () => {
    const uche = patient('Duru', 'Uchenna', '1971-12-12');
    await register(uche);
    const second = await register(doubtful(uche), 'PACS');
    const task = await taskOf(second.recordId, 'possible-duplicate');
    const outcomes = await Promise.allSettled([
      decisions.samePerson({ taskId: task.id, version: task.version, reason: 'same' }, steward),
      decisions.notSamePerson({ taskId: task.id, version: task.version, reason: 'different' }, other),
      decisions.defer({ taskId: task.id, version: task.version, note: 'ask RIS' }, other),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.status === 'rejected'))
      expect((o as PromiseRejectedResult).reason).toMatchObject({ code: ServiceErrorCode.Conflict });
  });

  it('decides the two opposite tasks of one pair at once without a deadlock', async () => {
    const pairs = await Promise.all(
      ['Aiyana', 'Bethany', 'Cerys', 'Delyth', 'Eirlys', 'Ffion'].map(async (given, i) => {
        const p = patient(`Opposite${'abcdef'[i]}`, given, `19${50 + i}-04-1${i}`);
        const first = await register(p);
        const second = await register(doubtful(p), 'PACS');
        const forward = await taskOf(second.recordId, 'possible-duplicate');
        // The reverse proposal: the first record, the second record's person as candidate.
        await db.dataSource.transaction((m) =>
          openTasks(m, [
            {
              type: 'possible-duplicate',
              recordId: first.recordId,
              candidatePersonId: second.personId,
              score: null,
            },
          ]),
        );
        return { forward, reverse: await taskOf(first.recordId, 'possible-duplicate') };
      }),
    );
    const outcomes = await Promise.allSettled(
      pairs.flatMap(({ forward, reverse }) => [
        decisions.samePerson({ taskId: forward.id, version: forward.version, reason: 'same' }, steward),
        decisions.notSamePerson({ taskId: reverse.id, version: reverse.version, reason: 'different' }, other),
      ]),
    );
    for (const o of outcomes)
      if (o.status === 'rejected')
        expect((o as PromiseRejectedResult).reason).toMatchObject({ code: ServiceErrorCode.Conflict });
  });

  it('audits giving a claim back, as it audits taking it', async () => {
    const kemi = patient('Adebayo', 'Kemisola', '1985-08-08');
    await register(kemi);
    const second = await register(doubtful(kemi), 'PACS');
    const task = await taskOf(second.recordId, 'possible-duplicate');
    const claimed = await decisions.claim(task.id, task.version, steward);
    await expectCode(
      decisions.release({ taskId: task.id, version: claimed.version }, other),
      ServiceErrorCode.Conflict,
    );
    const released = await decisions.release({ taskId: task.id, version: claimed.version }, steward);
    expect(released).toMatchObject({ status: 'open', assignee: null });
    const events = await db.dataSource.query(
      `SELECT action, actor FROM audit_event WHERE after->>'taskId' = $1 ORDER BY seq`,
      [task.id],
    );
    expect(events).toEqual([
      { action: 'task.claimed', actor: steward.name },
      { action: 'task.released', actor: steward.name },
    ]);
  });

  it("audits every record the comparison shows, the record side's other records included", async () => {
    const ola = { ...patient('Bankole', 'Olamide', '1964-10-10'), nhsNumber: '485 777 3430' };
    const first = await register(ola);
    const second = await register(ola, 'PACS');
    expect(second.personId).toBe(first.personId);
    const stranger = await register(patient('Quist', 'Edna', '1931-01-31'));
    await db.dataSource.transaction((m) =>
      openTasks(m, [
        {
          type: 'possible-duplicate',
          recordId: first.recordId,
          candidatePersonId: stranger.personId,
          score: null,
        },
      ]),
    );
    const task = await taskOf(first.recordId, 'possible-duplicate');
    const comparison = await comparisons.compare(task.id, steward);
    const shown = [...comparison.recordSide.records, ...comparison.candidateSide.records].map((r) => r.id);
    expect(shown).toHaveLength(3);
    const [event] = await db.dataSource.query(
      `SELECT record_ids FROM audit_event WHERE action = 'task.compared' AND after->>'taskId' = $1`,
      [task.id],
    );
    expect([...event.record_ids].sort()).toEqual([...shown].sort());
  });

  it('claims the most urgent task next, never the same one twice, and pages and counts the queues', async () => {
    const counts = await queues.counts();
    const byQueue = Object.fromEntries(counts.map((c) => [c.queue, c]));
    expect(byQueue['nhs-trace'].open).toBeGreaterThan(0);
    const [x, y] = await Promise.all([decisions.claimNext(null, steward), decisions.claimNext(null, other)]);
    expect(x && y && x.id !== y.id).toBe(true);
    expect(Math.max(x!.priority, y!.priority)).toBeGreaterThanOrEqual(
      Math.max(
        ...(await queues.page({ filter: { status: 'open' }, sort: 'priority', first: 1 })).tasks.map(
          (t) => t.priority,
        ),
      ),
    );
    const mine = await queues.page({ filter: { assignee: steward.name }, sort: 'age', first: 10 });
    expect(mine.tasks.map((t) => t.id)).toContain(x!.id);

    const seen: string[] = [];
    let after: string | null = null;
    const total = (await queues.page({ filter: {}, sort: 'priority', first: 1 })).totalCount;
    do {
      const page = await queues.page({ filter: {}, sort: 'priority', first: 2, after });
      seen.push(...page.tasks.map((t) => t.id));
      after = page.hasNextPage ? page.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toHaveLength(total);
    await expectCode(
      queues.page({ filter: {}, sort: 'age', first: 5, after: 'bogus' }),
      ServiceErrorCode.Validation,
    );
  });
});
