import { testEngines } from '@concord/persistence/testing';
import { AccessService } from '@concord/services';
import { startTestApp, TestApp } from '../testing/test-app';

const TASKS = `query($filter: TaskFilterInput, $sort: TaskSort) {
  tasks(filter: $filter, sort: $sort, first: 50) { totalCount nodes { id queue status version assignee sourceSystems } }
}`;
const SAME = `mutation($input: TaskDecisionInput!) { decideSamePerson(input: $input) {
  task { status } operation { id status } } }`;
const PENDING = `{ pendingApprovals {
  id kind status reason approvalReason requestedBy
  person { id golden { familyName } records { localId } }
  otherPerson { id golden { familyName } records { localId } }
  task { id queue status assignee }
} }`;
const APPROVE = `mutation($input: OperationDecisionInput!) { approveOperation(input: $input) {
  task { status resolution resolvedBy } operation { status decidedBy } } }`;
const REJECT = `mutation($input: OperationDecisionInput!) { rejectOperation(input: $input) {
  task { status assignee } operation { status decidedBy } } }`;
const CLAIM = `mutation($id: ID!) { claimTask(taskId: $id) { id status version } }`;

describe.each(testEngines())('four-eyes approvals and queue filters over GraphQL on %s', (engine) => {
  let t: TestApp;
  let steward: string;
  let senior: string;
  let auditor: string;
  const gql = async (token: string, query: string, variables: Record<string, unknown> = {}) =>
    (await t.call('POST', '/graphql', { token, body: { query, variables } })).body;
  /** Registers one patient twice under two valid NHS numbers: an nhs-duplicate task. */
  const registerTwice = async (familyName: string, numbers: [string, string], ids: [string, string]) => {
    const base = {
      familyName,
      givenName: 'Ifeoma',
      dateOfBirth: '1959-01-17',
      sex: 'F',
      postcode: 'LS6 2QT',
    };
    await t.call('POST', '/api/v1/records', {
      body: { sourceSystem: 'PAS-HULL', localId: ids[0], nhsNumber: numbers[0], ...base },
    });
    const second = await t.call('POST', '/api/v1/records', {
      body: { sourceSystem: 'PACS-YORK', localId: ids[1], nhsNumber: numbers[1], ...base },
    });
    expect(second.body.decision).toBe('review');
  };
  const duplicateTask = async (sourceSystem: string) => {
    const listed = await gql(steward, TASKS, {
      filter: { queue: 'NHS_DUPLICATE', status: 'OPEN', sourceSystem },
    });
    expect(listed.errors).toBeUndefined();
    return listed.data.tasks.nodes[0] as { id: string; version: number };
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    steward = await t.tokenFor('steward');
    senior = await t.tokenFor('senior-steward');
    auditor = await t.tokenFor('auditor');
    await registerTwice('Eze', ['943 476 5919', '943 476 5870'], ['E1', 'E2']);
    await registerTwice('Obi', ['485 777 3406', '485 777 3414'], ['O1', 'O2']);
  }, 90_000);
  afterAll(() => t?.close());

  it('holds a merge of two NHS numbers for a senior steward, who sees both persons and approves it', async () => {
    const task = await duplicateTask('PAS-HULL');
    const asked = await gql(steward, SAME, {
      input: { taskId: task.id, version: task.version, reason: 'one patient, two PAS registrations' },
    });
    expect(asked.errors).toBeUndefined();
    expect(asked.data.decideSamePerson).toMatchObject({
      task: { status: 'PENDING_APPROVAL' },
      operation: { status: 'pending-approval' },
    });
    const mine = await gql(steward, TASKS, { filter: { mine: true } });
    expect(mine.data.tasks.nodes).toEqual([
      expect.objectContaining({ id: task.id, status: 'PENDING_APPROVAL', assignee: 'user:test-steward' }),
    ]);
    expect((await gql(senior, TASKS, { filter: { mine: true } })).data.tasks.totalCount).toBe(0);

    expect((await gql(steward, PENDING)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await gql(auditor, PENDING)).errors[0].extensions.code).toBe('FORBIDDEN');
    const pending = await gql(senior, PENDING);
    expect(pending.errors).toBeUndefined();
    const [operation] = pending.data.pendingApprovals;
    expect(operation).toMatchObject({
      kind: 'merge',
      status: 'pending-approval',
      reason: 'one patient, two PAS registrations',
      approvalReason: 'the two persons hold different valid NHS numbers',
      requestedBy: 'user:test-steward',
      task: { id: task.id, queue: 'NHS_DUPLICATE', status: 'PENDING_APPROVAL' },
    });
    expect(operation.person.golden.familyName).toBe('EZE');
    expect(
      [...operation.person.records, ...operation.otherPerson.records]
        .map((r: { localId: string }) => r.localId)
        .sort(),
    ).toEqual(['E1', 'E2']);

    const approved = await gql(senior, APPROVE, {
      input: { operationId: operation.id, reason: 'PDS: one patient' },
    });
    expect(approved.errors).toBeUndefined();
    expect(approved.data.approveOperation).toEqual({
      task: { status: 'RESOLVED', resolution: 'same-person', resolvedBy: 'user:test-steward' },
      operation: { status: 'applied', decidedBy: 'user:test-senior-steward' },
    });
    const again = await gql(senior, APPROVE, { input: { operationId: operation.id, reason: 'twice' } });
    expect(again.errors[0].extensions.code).toBe('CONFLICT');
    const one = `query($id: ID!) { stewardOperation(id: $id) { id status decidedBy person { id } otherPerson { status } } }`;
    const read = await gql(auditor, one, { id: operation.id });
    expect(read.data.stewardOperation).toMatchObject({
      id: operation.id,
      status: 'applied',
      decidedBy: 'user:test-senior-steward',
      otherPerson: { status: 'retired' },
    });
    // A field's own access rule holds too: an administrator does not read the queues.
    const admin = await t.tokenFor('admin');
    const withTask = `query($id: ID!) { stewardOperation(id: $id) { id task { id status } } }`;
    const byAdmin = await gql(admin, withTask, { id: operation.id });
    expect(byAdmin.data.stewardOperation).toEqual({ id: operation.id, task: null });
    expect(byAdmin.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual([
      'FORBIDDEN',
    ]);
    expect((await gql(auditor, withTask, { id: operation.id })).data.stewardOperation.task).toEqual({
      id: task.id,
      status: 'RESOLVED',
    });
    const unknown = await gql(auditor, one, { id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.data.stewardOperation).toBeNull();
    expect((await gql(auditor, one, { id: 'nope' })).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a senior steward approving their own merge in words, and lets another reject it', async () => {
    const task = await duplicateTask('PAS-HULL');
    const asked = await gql(senior, SAME, {
      input: { taskId: task.id, version: task.version, reason: 'same date of birth and address' },
    });
    const operationId = asked.data.decideSamePerson.operation.id;
    const own = await gql(senior, APPROVE, { input: { operationId, reason: 'mine' } });
    expect(own.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(own.errors[0].message).toContain('four-eyes rule');
    const blank = await gql(senior, REJECT, { input: { operationId, reason: '  ' } });
    expect(blank.errors[0].message).toMatch(/^reason: /);
    expect((await gql(senior, PENDING)).data.pendingApprovals.map((o: { id: string }) => o.id)).toEqual([
      operationId,
    ]);

    // A second senior steward rejects it: the task is open again for anyone.
    const access = t.app.get(AccessService);
    await access.createUser('second-senior', 'a-long-test-password', 'senior-steward');
    const other = (await access.login('second-senior', 'a-long-test-password')).accessToken;
    const rejected = await gql(other, REJECT, { input: { operationId, reason: 'PDS shows two patients' } });
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data.rejectOperation).toEqual({
      task: { status: 'OPEN', assignee: null },
      operation: { status: 'rejected', decidedBy: 'user:second-senior' },
    });
    expect((await gql(senior, PENDING)).data.pendingApprovals).toEqual([]);
  });

  it('filters by age and source system, lists source systems, and checks the filter input', async () => {
    const systems = await gql(auditor, `{ taskSourceSystems }`);
    expect(systems.data.taskSourceSystems).toEqual(['PACS-YORK', 'PAS-HULL']);
    const young = await gql(steward, TASKS, { filter: { maxAgeHours: 1 }, sort: 'AGE' });
    const old = await gql(steward, TASKS, { filter: { minAgeHours: 1 } });
    expect(young.data.tasks.totalCount).toBeGreaterThan(0);
    expect(old.data.tasks.totalCount).toBe(0);
    const york = await gql(steward, TASKS, { filter: { sourceSystem: 'PACS-YORK' } });
    expect(
      york.data.tasks.nodes.every((n: { sourceSystems: string[] }) => n.sourceSystems.includes('PACS-YORK')),
    ).toBe(true);

    const task = await duplicateTask('PAS-HULL');
    await gql(steward, CLAIM, { id: task.id });
    expect((await gql(steward, TASKS, { filter: { mine: true } })).data.tasks.nodes).toEqual([
      expect.objectContaining({ id: task.id, status: 'CLAIMED' }),
    ]);

    for (const filter of [
      { minAgeHours: -1 },
      { maxAgeHours: 0 },
      { maxAgeHours: 1e9 },
      { mine: 'yes' },
      { mine: true, assignee: 'user:someone-else' },
    ]) {
      const refused = await gql(steward, TASKS, { filter });
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const inverted = await gql(steward, TASKS, { filter: { minAgeHours: 48, maxAgeHours: 24 } });
    expect(inverted.errors[0].message).toMatch(/^maxAgeHours: /);
  });
});
