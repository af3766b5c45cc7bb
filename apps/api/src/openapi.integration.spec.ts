import { testEngines } from '@concord/persistence/testing';
import { startTestApp, TestApp } from './testing/test-app';

type Operation = {
  summary?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
};

/** Every REST path of CONTRACT §4 and §5 and of the README's interface table. */
const CONTRACT_PATHS: Array<[string, string, boolean]> = [
  ['post', '/api/v1/records', true],
  ['post', '/api/v1/match', true],
  ['get', '/api/v1/links', true],
  ['get', '/api/v1/events', true],
  ['get', '/health', false],
  ['post', '/fhir/Patient/$match', true],
  ['get', '/fhir/Patient/$ihe-pix', true],
  ['get', '/api/v1/audit/export', true],
  ['post', '/api/v1/auth/login', false],
];

describe.each(testEngines())('OpenAPI description on %s', (engine) => {
  let t: TestApp;
  let doc: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
  };
  beforeAll(async () => {
    t = await startTestApp(engine);
    const r = await t.call('GET', '/api/docs/openapi.json', { token: '' });
    expect(r.status).toBe(200);
    doc = r.body;
  }, 90_000);
  afterAll(() => t?.close());

  it('describes every contract path, and says which need Authorization: Bearer', () => {
    for (const [method, path, secured] of CONTRACT_PATHS) {
      const op = doc.paths[path]?.[method];
      expect({ path, summary: op?.summary ? 'given' : 'missing' }).toEqual({ path, summary: 'given' });
      expect({ path, security: op?.security ?? [] }).toEqual({
        path,
        security: secured ? [{ bearer: [] }] : [],
      });
    }
  });

  it('lists the query parameters of the lookups and the feed', () => {
    const params = (method: string, path: string) =>
      (doc.paths[path][method].parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    expect(params('get', '/api/v1/links')).toEqual(['system', 'localId', 'nhsNumber', 'personId']);
    expect(params('get', '/api/v1/events')).toEqual(['after', 'limit']);
    expect(params('get', '/fhir/Patient/$ihe-pix')).toEqual(['sourceIdentifier', 'targetSystem']);
    expect(params('get', '/api/v1/audit/export')).toEqual([
      'from',
      'to',
      'format',
      'person',
      'actor',
      'action',
    ]);
  });

  it('describes the record body with the camelCase fields of the record CSV', () => {
    const ref = doc.paths['/api/v1/records'].post.requestBody?.content['application/json'].schema.$ref;
    const schema = doc.components.schemas[String(ref).split('/').pop() ?? ''];
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual(
      [
        'sourceSystem',
        'localId',
        'nhsNumber',
        'familyName',
        'givenName',
        'otherGivenNames',
        'dateOfBirth',
        'sex',
        'postcode',
        'addressLine',
        'phone',
        'email',
      ].sort(),
    );
    expect(schema.required).toEqual(['localId']);
    const match = doc.components.schemas['MatchRequestDto'];
    expect(Object.keys(match.properties ?? {})).toEqual(
      expect.arrayContaining(['count', 'onlyCertainMatches']),
    );
  });
});
