import { testEngines } from '@concord/persistence/testing';
import { dataSourceOf, startTestApp, TestApp } from '../testing/test-app';

const QUERY = `query($id: ID!, $at: String!) {
  personAt(id: $id, at: $at) {
    requestedId personId status currentStatus currentSuccessorId
    followed { personId successorId retiredAt }
    records {
      sourceSystem localId linkType score matchProbability modelVersion reason linkedBy endedAt explanation
      events { action actor actorRole requestId }
    }
  }
}`;

const jane = { nhsNumber: '9434765919', familyName: 'Smith', givenName: 'Jane', dateOfBirth: '1980-02-01' };
const anna = { nhsNumber: '4010232137', familyName: 'Nowak', givenName: 'Anna', dateOfBirth: '1975-07-14' };

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
/** An instant strictly after everything done so far and before anything done next. */
async function instant(): Promise<string> {
  await pause();
  const at = new Date().toISOString();
  await pause();
  return at;
}

describe.each(testEngines())('GraphQL personAt (time travel) on %s', (engine) => {
  let t: TestApp;
  let auditor: string;
  let janeId: string;
  let annaId: string;
  const at: string[] = [];
  const register = async (body: object) => {
    const r = await t.call('POST', '/api/v1/records', { body });
    expect(r.status).toBe(200);
    return r.body as { personId: string; decision: string };
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    auditor = await t.tokenFor('auditor');
    at.push(await instant());
    janeId = (await register({ sourceSystem: 'RIS', localId: 'A1', ...jane })).personId;
    at.push(await instant());
    annaId = (await register({ sourceSystem: 'PAS', localId: 'C1', ...anna })).personId;
    at.push(await instant());
    expect(await register({ sourceSystem: 'PAS', localId: 'C1', ...jane })).toMatchObject({
      decision: 'linked',
      personId: janeId,
    });
    at.push(await instant());
  }, 90_000);
  afterAll(() => t?.close());

  const personAt = async (id: string, instantAt: string, headers: Record<string, string> = {}) =>
    (
      await t.call('POST', '/graphql', {
        token: auditor,
        headers,
        body: { query: QUERY, variables: { id, at: instantAt } },
      })
    ).body;

  it('answers at several instants, following a retired person to its successor', async () => {
    expect((await personAt(janeId, at[0])).data.personAt).toMatchObject({
      status: 'not-created',
      records: [],
    });

    const annaBefore = (await personAt(annaId, at[2])).data.personAt;
    expect(annaBefore).toMatchObject({
      requestedId: annaId,
      personId: annaId,
      status: 'active',
      currentStatus: 'retired',
      currentSuccessorId: janeId,
      followed: [],
    });
    expect(annaBefore.records).toEqual([
      expect.objectContaining({
        sourceSystem: 'PAS',
        localId: 'C1',
        linkType: 'auto',
        reason: 'new-person',
        linkedBy: 'api-key:test-all',
        events: [
          {
            action: 'record.registered',
            actor: 'api-key:test-all',
            actorRole: 'api-key[register,match,links]',
            requestId: expect.any(String),
          },
        ],
      }),
    ]);
    expect(annaBefore.records[0].endedAt).not.toBeNull();

    const annaAfter = (await personAt(annaId, at[3])).data.personAt;
    expect(annaAfter).toMatchObject({ requestedId: annaId, personId: janeId, status: 'active' });
    expect(annaAfter.followed).toEqual([
      { personId: annaId, successorId: janeId, retiredAt: expect.any(String) },
    ]);
    const moved = annaAfter.records.find((r: { localId: string }) => r.localId === 'C1');
    expect(moved).toMatchObject({
      reason: 'auto-link',
      endedAt: null,
      events: [expect.objectContaining({ action: 'record.updated' })],
    });
    expect(moved.score).toBeGreaterThan(0);
    expect(moved.matchProbability).toBeGreaterThan(0.9);
    expect(moved.modelVersion).toEqual(expect.any(String));
    expect(JSON.parse(moved.explanation)).toEqual(expect.any(Object));
    expect(annaAfter.records.map((r: { localId: string }) => r.localId).sort()).toEqual(['A1', 'C1']);

    expect(
      (await personAt(janeId, at[1])).data.personAt.records.map((r: { localId: string }) => r.localId),
    ).toEqual(['A1']);
  });

  it('audits the read with the caller and request id', async () => {
    await personAt(janeId, at[3], { 'x-request-id': 'history-read-1' });
    const [event] = await dataSourceOf(t).query(
      `SELECT actor, actor_role, person_ids, after FROM audit_event
        WHERE action = 'person.history-viewed' AND request_id = 'history-read-1'`,
    );
    expect(event).toMatchObject({
      actor: 'user:test-auditor',
      actor_role: 'auditor',
      person_ids: [janeId],
      after: { at: at[3] },
    });
  });

  it('names the argument at fault and answers unknown persons as not found', async () => {
    const bad = await personAt(janeId, 'last tuesday');
    expect(bad.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(bad.errors[0].message).toMatch(/^at: must be an ISO 8601/);
    const unknown = await personAt('00000000-0000-4000-8000-000000000000', at[3]);
    expect(unknown.errors[0].extensions.code).toBe('NOT_FOUND');
  });
});
