import { testEngines } from '@concord/persistence/testing';
import { startTestApp, TestApp } from '../testing/test-app';

const TASKS = `query($filter: TaskFilterInput, $first: Int, $after: String) {
  queueCounts { queue open claimed pendingApproval deferred }
  tasks(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage }
    nodes { id queue status version recordId candidatePersonId sourceSystems
            record { sourceSystem localId familyName } candidatePerson { id golden { familyName } } }
  }
}`;
const COMPARE = `query($id: ID!) { taskComparison(id: $id) {
  task { id version }
  recordSide { person { id } records { record { localId } standardised { familyName givenNames } } }
  candidateSide { person { id } records { record { localId } } }
  explanation { prior weight probability grade comparisons { field level weight recordValue candidateValue } rules { rule } }
} }`;
const SAME = `mutation($input: TaskDecisionInput!) { decideSamePerson(input: $input) {
  task { status resolution } operation { id kind status personId otherPersonId } } }`;
const UNDO = `mutation($input: OperationDecisionInput!) { undoOperation(input: $input) { id status } }`;
const PERSON = `query($id: ID!) { person(id: $id) { id status successorId
  linkHistory { localId type reason createdBy endedAt } operations { id kind status } } }`;
const SEARCH = `query($input: PersonSearchInput!) { searchPersons(input: $input) { person { id } grade score } }`;

describe.each(testEngines())('steward GraphQL on %s', (engine) => {
  let t: TestApp;
  let steward: string;
  let senior: string;
  let auditor: string;
  const gql = async (token: string, query: string, variables: Record<string, unknown> = {}) =>
    (await t.call('POST', '/graphql', { token, body: { query, variables } })).body;

  beforeAll(async () => {
    t = await startTestApp(engine);
    steward = await t.tokenFor('steward');
    senior = await t.tokenFor('senior-steward');
    auditor = await t.tokenFor('auditor');
    const base = {
      familyName: 'Okafor',
      givenName: 'Adaeze',
      dateOfBirth: '1975-06-14',
      sex: 'F',
      postcode: 'LS6 2QT',
    };
    await t.call('POST', '/api/v1/records', { body: { sourceSystem: 'RIS', localId: 'R1', ...base } });
    const doubtful = { ...base, givenName: 'Adeze', postcode: 'M1 1AA' };
    const second = await t.call('POST', '/api/v1/records', {
      body: { sourceSystem: 'PACS', localId: 'P1', ...doubtful },
    });
    expect(second.body.decision).toBe('review');
  }, 90_000);
  afterAll(() => t?.close());

  it('lists the queues, compares, merges, shows the history and undoes as a senior steward', async () => {
    const listed = await gql(steward, TASKS, { filter: { queue: 'POSSIBLE_DUPLICATE' }, first: 10 });
    expect(listed.errors).toBeUndefined();
    const counts = Object.fromEntries(
      listed.data.queueCounts.map((c: { queue: string; open: number }) => [c.queue, c.open]),
    );
    expect(counts).toMatchObject({ POSSIBLE_DUPLICATE: 1, NHS_TRACE: 2 });
    const [task] = listed.data.tasks.nodes;
    expect(task).toMatchObject({
      queue: 'POSSIBLE_DUPLICATE',
      status: 'OPEN',
      sourceSystems: ['PACS', 'RIS'],
    });
    expect(task.record).toMatchObject({ sourceSystem: 'PACS', localId: 'P1' });
    expect(task.candidatePerson.golden.familyName).toBe('OKAFOR');

    const compared = await gql(steward, COMPARE, { id: task.id });
    expect(compared.errors).toBeUndefined();
    const c = compared.data.taskComparison;
    expect(c.recordSide.records[0].record.localId).toBe('P1');
    expect(c.candidateSide.records[0].record.localId).toBe('R1');
    const sum =
      c.explanation.prior +
      c.explanation.comparisons.reduce((s: number, f: { weight: number }) => s + f.weight, 0);
    expect(sum).toBeCloseTo(c.explanation.weight, 6);
    expect(c.explanation.comparisons.find((f: { field: string }) => f.field === 'givenName')).toMatchObject({
      recordValue: 'ADEZE',
      candidateValue: 'ADAEZE',
    });

    const refused = await gql(auditor, SAME, {
      input: { taskId: task.id, version: task.version, reason: 'x' },
    });
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    const stale = await gql(steward, SAME, {
      input: { taskId: task.id, version: task.version + 5, reason: 'x' },
    });
    expect(stale.errors[0].extensions.code).toBe('CONFLICT');
    const merged = await gql(steward, SAME, {
      input: { taskId: task.id, version: task.version, reason: 'typo' },
    });
    expect(merged.errors).toBeUndefined();
    const op = merged.data.decideSamePerson.operation;
    expect(merged.data.decideSamePerson.task).toEqual({ status: 'RESOLVED', resolution: 'same-person' });

    const retired = await gql(auditor, PERSON, { id: op.otherPersonId });
    expect(retired.data.person).toMatchObject({ status: 'retired', successorId: op.personId });
    const survivor = await gql(steward, PERSON, { id: op.personId });
    expect(
      survivor.data.person.linkHistory.map(
        (l: { localId: string; reason: string }) => `${l.localId}:${l.reason}`,
      ),
    ).toContain('P1:merge');
    expect(survivor.data.person.operations).toEqual([{ id: op.id, kind: 'merge', status: 'applied' }]);

    const stewardUndo = await gql(steward, UNDO, { input: { operationId: op.id, reason: 'wrong' } });
    expect(stewardUndo.errors[0].extensions.code).toBe('FORBIDDEN');
    const undone = await gql(senior, UNDO, { input: { operationId: op.id, reason: 'merged in error' } });
    expect(undone.data.undoOperation).toEqual({ id: op.id, status: 'undone' });
    const back = await gql(steward, PERSON, { id: op.otherPersonId });
    expect(back.data.person).toMatchObject({ status: 'active', successorId: null });
  });

  it('claims the next task, refuses a second claim, and searches fuzzily by name and date of birth', async () => {
    const claim = `mutation { claimNextTask { id status assignee version } }`;
    const claimed = await gql(steward, claim);
    expect(claimed.data.claimNextTask).toMatchObject({ status: 'CLAIMED', assignee: 'user:test-steward' });
    const again = await gql(senior, `mutation($id: ID!) { claimTask(taskId: $id) { id } }`, {
      id: claimed.data.claimNextTask.id,
    });
    expect(again.errors[0].extensions.code).toBe('CONFLICT');
    expect(again.errors[0].message).toContain('claimed by user:test-steward');

    const found = await gql(steward, SEARCH, {
      input: { familyName: 'OKAFFOR', givenName: 'adaeze', dateOfBirth: '14/06/1975' },
    });
    expect(found.errors).toBeUndefined();
    expect(found.data.searchPersons.length).toBeGreaterThan(0);
    const badDate = await gql(steward, SEARCH, {
      input: { familyName: 'Okafor', dateOfBirth: '31/02/1975' },
    });
    // An impossible date of birth is treated as missing (and flagged), never an error.
    expect(badDate.errors).toBeUndefined();
    expect(badDate.data.searchPersons.length).toBeGreaterThan(0);
  });
});
