import { DEFAULT_MODEL } from '@concord/matching';
import { openTestDatabase, testEngines } from '@concord/persistence/testing';
import type { OpenDatabase } from '@concord/persistence';
import { auditActorOf } from '../access/access.service';
import { AuditActor } from '../audit/audit-log';
import { ServiceErrorCode } from '../errors/service-error';
import { RegistrationService } from '../registration/registration.service';
import { StewardDecisions } from './steward-decisions';
import { openTasks } from './task-opening';
import { StewardQueues } from './task-queries';

const ris = { name: 'api-key:RIS', role: 'api-key' };

describe.each(testEngines())('four-eyes approval and claims by identity on %s', (engine) => {
  let db: OpenDatabase;
  let registration: RegistrationService;
  let decisions: StewardDecisions;
  let queues: StewardQueues;
  let n = 0;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    registration = new RegistrationService(db.dataSource, () => DEFAULT_MODEL);
    decisions = new StewardDecisions(db.dataSource, { leaseMinutes: 15, fourEyes: 'different-nhs' });
    queues = new StewardQueues(db.dataSource);
  }, 60_000);
  afterAll(() => db?.close());

  /** A merge of two persons with different valid NHS numbers, waiting for approval. */
  async function pendingMerge(by: AuditActor, familyName: string, nhs: [string, string]): Promise<string> {
    const who = { familyName, givenName: 'Ifeoma', dateOfBirth: '1959-01-17', sex: 'F', postcode: 'LS6 2QT' };
    await registration.register(
      { sourceSystem: 'RIS', localId: `L${(n += 1)}`, ...who, nhsNumber: nhs[0] },
      ris,
    );
    const b = await registration.register(
      { sourceSystem: 'PACS', localId: `L${(n += 1)}`, ...who, nhsNumber: nhs[1] },
      ris,
    );
    const page = await queues.page({ filter: { queue: 'nhs-duplicate' }, sort: 'priority', first: 500 });
    const task = page.tasks.find((t) => t.recordId === b.recordId);
    if (!task) throw new Error('no nhs-duplicate task');
    const requested = await decisions.samePerson(
      { taskId: task.id, version: task.version, reason: 'one patient' },
      by,
    );
    expect(requested.operation).toMatchObject({
      status: 'pending-approval',
      requestedBy: by.name,
      requestedById: by.id ?? null,
    });
    if (!requested.operation) throw new Error('no operation');
    return requested.operation.id;
  }

  it('refuses the requester under another name: the identity decides, not the display name', async () => {
    // A senior steward at the identity provider asks for a merge; the provider's username claim
    // changes before they approve it themselves. Same subject, different name: refused.
    const asked = auditActorOf({
      kind: 'user',
      id: 'oidc:subject-7',
      name: 'ann.smith',
      role: 'senior-steward',
    });
    const renamed = auditActorOf({
      kind: 'user',
      id: 'oidc:subject-7',
      name: 'ann.jones',
      role: 'senior-steward',
    });
    expect(asked.id).toBe('oidc:subject-7');
    const operationId = await pendingMerge(asked, 'Eze', ['4857771004', '4857771012']);
    await expect(decisions.approve({ operationId, reason: 'checked PDS' }, renamed)).rejects.toMatchObject({
      code: ServiceErrorCode.Forbidden,
    });
  });

  it('lets a different user approve even when the two share a display name', async () => {
    // A local steward "ann" asks; an OIDC senior steward whose username claim is also "ann" approves.
    const local = auditActorOf({
      kind: 'user',
      id: '5b0e6a52-2a43-4d0e-9a0f-0d1bcb0d5a11',
      name: 'ann',
      role: 'steward',
    });
    const oidc = auditActorOf({ kind: 'user', id: 'oidc:subject-9', name: 'ann', role: 'senior-steward' });
    expect(local.name).toBe(oidc.name);
    const operationId = await pendingMerge(local, 'Obi', ['4010231041', '4010231068']);
    const approved = await decisions.approve({ operationId, reason: 'checked PDS' }, oidc);
    expect(approved.operation).toMatchObject({
      status: 'applied',
      decidedBy: 'user:ann',
      requestedBy: 'user:ann',
    });
  });

  /** An open task: the numbers-to-trace task of a record registered without an NHS number. */
  async function openTask(familyName: string) {
    const r = await registration.register(
      {
        sourceSystem: 'RIS',
        localId: `L${(n += 1)}`,
        familyName,
        givenName: 'Tunde',
        dateOfBirth: '1971-03-02',
        sex: 'M',
      },
      ris,
    );
    const page = await queues.page({ filter: { queue: 'nhs-trace' }, sort: 'priority', first: 500 });
    const task = page.tasks.find((t) => t.recordId === r.recordId);
    if (!task) throw new Error('no nhs-trace task');
    return task;
  }

  it("keeps a claim to its holder's identity: another user of the same name can neither release nor decide it", async () => {
    const local = auditActorOf({
      kind: 'user',
      id: '0f4b1c8e-6a2d-4b7e-9c31-5d2e8f7a6b40',
      name: 'ann',
      role: 'steward',
    });
    const oidc = auditActorOf({ kind: 'user', id: 'oidc:subject-11', name: 'ann', role: 'steward' });
    const task = await openTask('Adeyemi');
    const claimed = await decisions.claim(task.id, task.version, local);
    expect(claimed).toMatchObject({ status: 'claimed', assignee: 'user:ann', assigneeId: local.id });

    await expect(
      decisions.release({ taskId: task.id, version: claimed.version }, oidc),
    ).rejects.toMatchObject({
      code: ServiceErrorCode.Conflict,
    });
    await expect(
      decisions.defer({ taskId: task.id, version: claimed.version, note: 'ask the PAS' }, oidc),
    ).rejects.toMatchObject({ code: ServiceErrorCode.Conflict });
    // "Only my tasks" of the other "ann" does not list it; the holder's does.
    const mine = (actor: AuditActor) =>
      queues.page({ filter: { assignee: actor.name, assigneeId: actor.id }, sort: 'priority', first: 500 });
    expect((await mine(oidc)).tasks.map((t) => t.id)).not.toContain(task.id);
    expect((await mine(local)).tasks.map((t) => t.id)).toContain(task.id);

    const released = await decisions.release({ taskId: task.id, version: claimed.version }, local);
    expect(released).toMatchObject({ status: 'open', assignee: null, assigneeId: null });
  });

  it('closes, rather than reopens, a rejected merge whose two sides another approved merge made one person', async () => {
    const asker = auditActorOf({ kind: 'user', id: 'user-asker', name: 'asker', role: 'steward' });
    const senior = auditActorOf({ kind: 'user', id: 'user-senior', name: 'senior', role: 'senior-steward' });
    const forwardOp = await pendingMerge(asker, 'Okafor', ['4010232854', '4010232862']);
    const forward = await db.dataSource.query(
      `SELECT task_id, person_id, other_person_id FROM steward_operation WHERE id = $1`,
      [forwardOp],
    );
    const [{ task_id: forwardTask }] = forward;
    const [{ record_id: secondRecord }] = await db.dataSource.query(
      `SELECT record_id FROM review_task WHERE id = $1`,
      [forwardTask],
    );
    const [{ person_id: firstPerson }] = await db.dataSource.query(
      `SELECT candidate_person_id AS person_id FROM review_task WHERE id = $1`,
      [forwardTask],
    );
    const [{ record_id: firstRecord }] = await db.dataSource.query(
      `SELECT record_id FROM link WHERE person_id = $1 AND ended_at IS NULL`,
      [firstPerson],
    );
    const [{ person_id: secondPerson }] = await db.dataSource.query(
      `SELECT person_id FROM link WHERE record_id = $1 AND ended_at IS NULL`,
      [secondRecord],
    );
    // The opposite proposal of the same pair, also asked for.
    await db.dataSource.transaction((m) =>
      openTasks(m, [
        { type: 'nhs-duplicate', recordId: firstRecord, candidatePersonId: secondPerson, score: null },
      ]),
    );
    const page = await queues.page({ filter: { queue: 'nhs-duplicate' }, sort: 'priority', first: 500 });
    const reverse = page.tasks.find(
      (t) => t.recordId === firstRecord && t.candidatePersonId === secondPerson,
    );
    if (!reverse) throw new Error('no reverse task');
    const reverseOp = await decisions.samePerson(
      { taskId: reverse.id, version: reverse.version, reason: 'one patient' },
      asker,
    );
    expect(reverseOp.operation?.status).toBe('pending-approval');

    await decisions.approve({ operationId: forwardOp, reason: 'checked PDS' }, senior);
    const rejected = await decisions.reject(
      { operationId: reverseOp.operation?.id ?? '', reason: 'already done' },
      senior,
    );
    expect(rejected.task).toMatchObject({ id: reverse.id, status: 'resolved', resolution: 'superseded' });
    const open = await queues.page({ filter: { queue: 'nhs-duplicate' }, sort: 'priority', first: 500 });
    expect(open.tasks.map((t) => t.id)).not.toContain(reverse.id);
  });

  it('still refuses by name an operation recorded without an identity', async () => {
    const asked = { name: 'user:legacy', role: 'senior-steward' };
    const operationId = await pendingMerge(asked, 'Nwosu', ['9123451092', '9123451106']);
    await expect(
      decisions.approve({ operationId, reason: 'checked PDS' }, { ...asked, id: 'some-user-id' }),
    ).rejects.toMatchObject({ code: ServiceErrorCode.Forbidden });
  });
});
