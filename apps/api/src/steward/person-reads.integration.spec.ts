import { testEngines } from '@concord/persistence/testing';
import { dataSourceOf, startTestApp, TestApp } from '../testing/test-app';

const PERSON = `query($id: ID!) { person(id: $id) { id golden { familyName }
  records { localId familyName } linkHistory { localId reason } operations { id kind } } }`;
const TASKS = `{ tasks(filter: { queue: POSSIBLE_DUPLICATE }) { nodes { id
  record { localId familyName } candidatePerson { id golden { familyName } records { localId } } } } }`;
const PERSONS = `{ persons(first: 10) { nodes { id golden { familyName } } } }`;
const OPERATION = `query($id: ID!) { stewardOperation(id: $id) { id person { id golden { familyName } }
  otherPerson { id golden { familyName } } } }`;
const SEARCH = `{ searchPersons(input: { familyName: "Okafor", dateOfBirth: "1975-06-14" }) {
  person { id linkHistory { localId } operations { id } records { localId } } } }`;
const SAME = `mutation($input: TaskDecisionInput!) { decideSamePerson(input: $input) { operation { id } } }`;

describe.each(testEngines())('GraphQL reads of patient data are audited on %s', (engine) => {
  let t: TestApp;
  let steward: string;
  let recordPerson: string;
  let candidate: string;
  let n = 0;
  /** Runs a query as one request with its own request id; answers the data and that id. */
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const requestId = `reads-${(n += 1)}`;
    const response = await t.call('POST', '/graphql', {
      token: steward,
      body: { query, variables },
      headers: { 'x-request-id': requestId },
    });
    expect(response.body.errors).toBeUndefined();
    return { data: response.body.data, requestId };
  };
  /** The person.viewed events of one request, by person. */
  const viewed = async (requestId: string) => {
    const rows: Array<{ actor: string; person_ids: string[]; after: { fields: string[] } }> =
      await dataSourceOf(t).query(
        `SELECT actor, person_ids, after FROM audit_event
        WHERE action = 'person.viewed' AND request_id = $1 ORDER BY seq`,
        [requestId],
      );
    return rows;
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    steward = await t.tokenFor('steward');
    const base = {
      familyName: 'Okafor',
      givenName: 'Adaeze',
      dateOfBirth: '1975-06-14',
      sex: 'F',
      postcode: 'LS6 2QT',
    };
    candidate = (
      await t.call('POST', '/api/v1/records', { body: { sourceSystem: 'RIS', localId: 'R1', ...base } })
    ).body.personId;
    const second = await t.call('POST', '/api/v1/records', {
      body: { sourceSystem: 'PACS', localId: 'P1', ...base, givenName: 'Adeze', postcode: 'M1 1AA' },
    });
    expect(second.body.decision).toBe('review');
    recordPerson = second.body.personId;
  }, 90_000);
  afterAll(() => t?.close());

  it("leaves one event naming the person for a person's records, link history and operations", async () => {
    const { data, requestId } = await gql(PERSON, { id: candidate });
    expect(data.person.linkHistory).toHaveLength(1);
    expect(await viewed(requestId)).toEqual([
      {
        actor: 'user:test-steward',
        person_ids: [candidate],
        // The fields that first showed the person; later fields of the request add no event.
        after: { fields: ['person'] },
      },
    ]);
  });

  it("names both the task record's person and the candidate when a steward lists tasks", async () => {
    const { data, requestId } = await gql(TASKS);
    expect(data.tasks.nodes).toHaveLength(1);
    const events = await viewed(requestId);
    expect(events.map((e) => e.person_ids[0]).sort()).toEqual([recordPerson, candidate].sort());
    expect(events.find((e) => e.person_ids[0] === candidate)?.after.fields).toEqual([
      'ReviewTask.candidatePerson',
    ]);
  });

  it("audits a person's link history, operations and records on their own, where nothing else did", async () => {
    // searchPersons is audited as match.candidates-shown; the fields below show more than that.
    const { data, requestId } = await gql(SEARCH);
    expect(data.searchPersons.length).toBeGreaterThanOrEqual(1);
    const events = await viewed(requestId);
    expect(events.map((e) => e.person_ids[0]).sort()).toEqual(
      data.searchPersons.map((r: { person: { id: string } }) => r.person.id).sort(),
    );
    for (const event of events)
      expect(event.after.fields).toEqual(['Person.linkHistory', 'Person.operations', 'Person.records']);
  });

  it('names every person a page of persons shows', async () => {
    const { data, requestId } = await gql(PERSONS);
    const shown = data.persons.nodes.map((p: { id: string }) => p.id).sort();
    expect(shown).toEqual([recordPerson, candidate].sort());
    expect((await viewed(requestId)).map((e) => e.person_ids[0]).sort()).toEqual(shown);
  });

  it("names both persons of a merge when its operation's persons are read", async () => {
    const { data: listed } = await gql(
      `{ tasks(filter: { queue: POSSIBLE_DUPLICATE }) { nodes { id version } } }`,
    );
    const [task] = listed.tasks.nodes;
    const { data: merged } = await gql(SAME, {
      input: { taskId: task.id, version: task.version, reason: 'same patient' },
    });
    const { requestId } = await gql(OPERATION, { id: merged.decideSamePerson.operation.id });
    expect((await viewed(requestId)).map((e) => e.person_ids[0]).sort()).toEqual(
      [recordPerson, candidate].sort(),
    );
  });

  it('writes nothing for a query that shows no person', async () => {
    const { requestId } = await gql(`{ queueCounts { queue open } }`);
    expect(await viewed(requestId)).toEqual([]);
  });
});
