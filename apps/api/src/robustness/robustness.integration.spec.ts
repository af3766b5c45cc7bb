import { AuditLedger } from '@concord/services';
import { dataSourceOf, startTestApp, TestApp } from '../testing/test-app';
import { hostileQueryValue, hostileRecordBody, hostileValue, seededRandom } from './hostile-inputs';

/**
 * 1,200 malformed or hostile requests across REST, FHIR and GraphQL: none may answer 500,
 * every refusal must say what is wrong, and the index must still answer correctly after.
 */
describe('hostile input (PGlite)', () => {
  let t: TestApp;
  let steward: string;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    steward = await t.tokenFor('steward');
    await t.call('POST', '/api/v1/records', {
      body: {
        sourceSystem: 'RIS',
        localId: 'KNOWN',
        nhsNumber: '9434765919',
        familyName: 'Smith',
        givenName: 'Jane',
        dateOfBirth: '1980-02-01',
      },
    });
  }, 90_000);
  afterAll(() => t?.close());

  it('never answers 500 and always explains a refusal', async () => {
    const rand = seededRandom(20261128);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < 1200; i++) {
      const kind = i % 6;
      let response: { status: number; body: any };
      let label: string;
      if (kind === 0 || kind === 1) {
        const input = hostileRecordBody(rand);
        label = `POST ${kind === 0 ? '/api/v1/records' : '/api/v1/match'} ${JSON.stringify(input).slice(0, 120)}`;
        response = await t.call('POST', kind === 0 ? '/api/v1/records' : '/api/v1/match', input);
      } else if (kind === 2) {
        const keys = ['system', 'localId', 'nhsNumber', 'personId', 'x'];
        const a = keys[Math.floor(rand() * keys.length)];
        const b = keys[Math.floor(rand() * keys.length)];
        const path = `/api/v1/links?${a}=${hostileQueryValue(rand)}&${b}=${hostileQueryValue(rand)}`;
        label = `GET ${path.slice(0, 120)}`;
        response = await t.call('GET', path);
      } else if (kind === 3) {
        const input = hostileRecordBody(rand);
        const body =
          'body' in input
            ? {
                resourceType: 'Parameters',
                parameter: [
                  {
                    name: 'resource',
                    resource: {
                      resourceType: 'Patient',
                      name: [{ family: hostileValue(rand), given: [hostileValue(rand)] }],
                      birthDate: hostileValue(rand),
                      gender: hostileValue(rand),
                      identifier: [
                        { system: 'https://fhir.nhs.uk/Id/nhs-number', value: hostileValue(rand) },
                      ],
                    },
                  },
                ],
              }
            : undefined;
        label = `POST /fhir/Patient/$match ${JSON.stringify(body ?? input).slice(0, 120)}`;
        response = await t.call('POST', '/fhir/Patient/$match', body ? { body } : input);
      } else if (kind === 4) {
        const path = `/fhir/Patient/$ihe-pix?sourceIdentifier=${hostileQueryValue(rand)}${rand() < 0.5 ? `&targetSystem=${hostileQueryValue(rand)}` : ''}`;
        label = `GET ${path.slice(0, 120)}`;
        response = await t.call('GET', path);
      } else {
        const variables = {
          first: hostileValue(rand),
          after: hostileValue(rand),
          search: hostileValue(rand),
        };
        const query =
          rand() < 0.2
            ? '{ persons(first: ' + '{'.repeat(50)
            : 'query($first: Int, $after: String, $search: String) { persons(first: $first, after: $after, search: $search) { totalCount } }';
        label = `POST /graphql ${JSON.stringify(variables).slice(0, 120)}`;
        response = await t.call('POST', '/graphql', { token: steward, body: { query, variables } });
      }
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const explained =
        response.status < 400 ||
        (typeof response.body === 'object' &&
          response.body !== null &&
          (typeof response.body.message === 'string' ||
            Array.isArray(response.body.issue) ||
            Array.isArray(response.body.errors)));
      if (response.status >= 500 || !explained)
        failures.push(`${response.status} ${label} -> ${JSON.stringify(response.body).slice(0, 160)}`);
      if (kind === 5 && response.status === 200 && response.body.errors) {
        const codes = response.body.errors.map((e: { extensions?: { code?: string } }) => e.extensions?.code);
        if (codes.includes('INTERNAL_SERVER_ERROR')) failures.push(`GraphQL internal error: ${label}`);
      }
    }
    expect(failures).toEqual([]);
    // The run exercised refusals, not only happy paths.
    expect((statuses.get(400) ?? 0) + (statuses.get(404) ?? 0)).toBeGreaterThan(300);
  }, 300_000);

  it('still answers correctly afterwards, with the known record intact', async () => {
    const links = await t.call('GET', '/api/v1/links?system=RIS&localId=KNOWN');
    expect(links.status).toBe(200);
    expect(links.body.nhsNumbers).toEqual(['9434765919']);
    // Nothing stored is corrupt: every kept value is text, and the audit chain holds.
    const ds = dataSourceOf(t);
    const bad: unknown[] = await ds.query(
      `SELECT id FROM source_record r, jsonb_each(r.raw) f WHERE jsonb_typeof(f.value) <> 'string'`,
    );
    expect(bad).toEqual([]);
    expect((await new AuditLedger(ds).verify()).ok).toBe(true);
  });
});
