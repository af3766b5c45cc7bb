import { DEFAULT_MODEL } from '@concord/matching';
import { openTestDatabase, testEngines } from '@concord/persistence/testing';
import type { OpenDatabase } from '@concord/persistence';
import { AuditActor } from '../audit/audit-log';
import { ServiceErrorCode } from '../errors/service-error';
import { RegistrationService } from '../registration/registration.service';
import { StewardDecisions } from './steward-decisions';
import { StewardQueues, TaskFilter } from './task-queries';

const ann: AuditActor = { name: 'user:ann', role: 'steward' };
const sue: AuditActor = { name: 'user:sue', role: 'senior-steward' };
const ris = { name: 'api-key:RIS', role: 'api-key' };

const expectCode = async (promise: Promise<unknown>, code: ServiceErrorCode) =>
  expect(promise).rejects.toMatchObject({ code });

describe.each(testEngines())('task filters of the queues on %s', (engine) => {
  let db: OpenDatabase;
  let registration: RegistrationService;
  let decisions: StewardDecisions;
  let queues: StewardQueues;
  let n = 0;
  const register = (body: object, system: string) =>
    registration.register({ sourceSystem: system, localId: `F${(n += 1)}`, ...body }, ris);
  const ids = async (filter: TaskFilter) =>
    (await queues.page({ filter, sort: 'age', first: 500 })).tasks.map((t) => t.id).sort();
  /** Makes a task look as old as a real one would be after that many hours. */
  const age = (taskId: string, hours: number) =>
    db.dataSource.query(
      `UPDATE review_task SET created_at = now() - make_interval(hours => $2) WHERE id = $1`,
      [taskId, hours],
    );

  let oldTrace = '';
  let freshTrace = '';
  let duplicate = '';

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    registration = new RegistrationService(db.dataSource, () => DEFAULT_MODEL);
    decisions = new StewardDecisions(db.dataSource, { leaseMinutes: 15, fourEyes: 'different-nhs' });
    queues = new StewardQueues(db.dataSource);
    // Two records without NHS numbers (tracing tasks) from two systems.
    const a = await register(
      { familyName: 'Adeyemi', givenName: 'Tolu', dateOfBirth: '1961-02-03', sex: 'F' },
      'RIS-LEEDS',
    );
    const b = await register(
      { familyName: 'Bello', givenName: 'Kunle', dateOfBirth: '1977-08-09', sex: 'M' },
      'PACS-YORK',
    );
    // One patient registered twice with two valid NHS numbers: a four-eyes merge.
    const eze = {
      familyName: 'Eze',
      givenName: 'Ifeoma',
      dateOfBirth: '1959-01-17',
      sex: 'F',
      postcode: 'LS6 2QT',
    };
    await register({ ...eze, nhsNumber: '943 476 5919' }, 'PAS-HULL');
    const twice = await register({ ...eze, nhsNumber: '943 476 5870' }, 'PACS-YORK');
    const page = await queues.page({ filter: {}, sort: 'age', first: 500 });
    oldTrace = page.tasks.find((t) => t.recordId === a.recordId && t.type === 'nhs-trace')?.id ?? '';
    freshTrace = page.tasks.find((t) => t.recordId === b.recordId && t.type === 'nhs-trace')?.id ?? '';
    duplicate = page.tasks.find((t) => t.recordId === twice.recordId && t.type === 'nhs-duplicate')?.id ?? '';
    expect([oldTrace, freshTrace, duplicate].every(Boolean)).toBe(true);
    await age(oldTrace, 24 * 10);
    await age(duplicate, 30);
  }, 90_000);
  afterAll(() => db?.close());

  it('filters by age, from either end and both', async () => {
    expect(await ids({ minAgeHours: 24 * 7 })).toEqual([oldTrace]);
    expect(await ids({ maxAgeHours: 24 })).toContain(freshTrace);
    expect(await ids({ maxAgeHours: 24 })).not.toContain(duplicate);
    expect(await ids({ minAgeHours: 24, maxAgeHours: 24 * 7 })).toEqual([duplicate]);
    await expectCode(
      queues.page({ filter: { minAgeHours: 48, maxAgeHours: 24 }, sort: 'age', first: 10 }),
      ServiceErrorCode.Validation,
    );
    await expectCode(
      queues.page({ filter: { maxAgeHours: 0 }, sort: 'age', first: 10 }),
      ServiceErrorCode.Validation,
    );
    await expectCode(
      queues.page({ filter: { minAgeHours: -1 }, sort: 'age', first: 10 }),
      ServiceErrorCode.Validation,
    );
  });

  it('sorts by age oldest first and by priority most urgent first', async () => {
    const byAge = (await queues.page({ filter: {}, sort: 'age', first: 500 })).tasks;
    expect(byAge[0].id).toBe(oldTrace);
    const times = byAge.map((t) => t.createdAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    const byPriority = (await queues.page({ filter: {}, sort: 'priority', first: 500 })).tasks;
    expect(byPriority[0].id).toBe(duplicate);
  });

  it('filters by queue and source system, and lists the source systems of the work to do', async () => {
    expect(await ids({ queue: 'nhs-trace', sourceSystem: 'PACS-YORK' })).toEqual([freshTrace]);
    expect(await ids({ sourceSystem: 'PAS-HULL' })).toEqual([duplicate]);
    expect(await ids({ sourceSystem: 'NOWHERE' })).toEqual([]);
    expect(await queues.sourceSystems()).toEqual(['PACS-YORK', 'PAS-HULL', 'RIS-LEEDS']);
  });

  it("finds a steward's tasks: live claims and merges waiting for approval, not others' or lapsed ones", async () => {
    expect(await ids({ assignee: ann.name })).toEqual([]);
    const claimed = await decisions.claim(freshTrace, null, ann);
    const task = await queues.byId(duplicate);
    const asked = await decisions.samePerson(
      { taskId: duplicate, version: task.version, reason: 'one patient, two PAS registrations' },
      ann,
    );
    expect(asked.task.status).toBe('pending-approval');
    expect(await ids({ assignee: ann.name })).toEqual([duplicate, freshTrace].sort());
    expect(await ids({ assignee: ann.name, status: 'pending-approval' })).toEqual([duplicate]);
    expect(await ids({ assignee: sue.name })).toEqual([]);

    // A lapsed claim is open again and no longer the steward's.
    await db.dataSource.query(
      `UPDATE review_task SET lease_until = now() - interval '1 minute' WHERE id = $1`,
      [claimed.id],
    );
    expect(await ids({ assignee: ann.name })).toEqual([duplicate]);
    expect(await ids({ status: 'open', queue: 'nhs-trace' })).toContain(freshTrace);

    // Rejected: the task is open for anyone again and no longer waits on the steward.
    await decisions.reject({ operationId: asked.operation!.id, reason: 'PDS shows two patients' }, sue);
    expect(await ids({ assignee: ann.name })).toEqual([]);
    expect((await queues.byId(duplicate)).status).toBe('open');
  });
});
