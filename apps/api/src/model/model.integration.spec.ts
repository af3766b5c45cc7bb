import { DEFAULT_MODEL } from '@concord/matching';
import { testEngines } from '@concord/persistence/testing';
import { dataSourceOf, startTestApp, TestApp } from '../testing/test-app';

describe.each(testEngines())('GraphQL matching model on %s', (engine) => {
  let t: TestApp;
  let admin: string;
  let steward: string;
  const gql = async (token: string, query: string, variables?: object) =>
    (await t.call('POST', '/graphql', { token, body: { query, variables } })).body;

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.tokenFor('admin');
    steward = await t.tokenFor('steward');
  }, 90_000);
  afterAll(() => t?.close());

  it('shows the shipped model with weights log2(m/u) and thresholds as weights', async () => {
    const r = await gql(
      steward,
      '{ matchModel { version prior thresholds { link review linkWeight } fields { field levels { id m u weight } } blockingRules { name on } } }',
    );
    const model = r.data.matchModel;
    expect(model.version).toBe(DEFAULT_MODEL.version);
    expect(model.thresholds.link).toBe(DEFAULT_MODEL.thresholds.link);
    expect(model.thresholds.linkWeight).toBeCloseTo(Math.log2(0.99 / 0.01), 6);
    const level = model.fields[0].levels[0];
    expect(level.weight).toBeCloseTo(Math.log2(level.m / level.u), 9);
    expect(model.blockingRules.map((b: { name: string }) => b.name)).toEqual(
      DEFAULT_MODEL.blocking.rules.map((b) => b.name),
    );
  });

  it('loads, previews and activates a version; validation errors name the JSON path', async () => {
    const bad = { ...DEFAULT_MODEL, version: 'api-bad', thresholds: { link: 0.5, review: 0.9 } };
    const refused = await gql(admin, 'mutation($d: String!) { loadModel(document: $d) { version } }', {
      d: JSON.stringify(bad),
    });
    expect(refused.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.errors[0].message).toMatch(/^\$\.thresholds\.review: /);

    const doc = { ...DEFAULT_MODEL, version: 'api-1', thresholds: { link: 0.95, review: 0.05 } };
    const loaded = await gql(
      admin,
      'mutation($d: String!) { loadModel(document: $d) { version status current } }',
      {
        d: JSON.stringify(doc),
      },
    );
    expect(loaded.data.loadModel).toEqual({ version: 'api-1', status: 'draft', current: false });
    const preview = await gql(
      admin,
      'mutation { previewModel(version: "api-1") { version scored wouldLink wouldStay wouldDrop proposed { linkWeight } } }',
    );
    expect(preview.data.previewModel).toMatchObject({ version: 'api-1', scored: 0 });
    expect(preview.data.previewModel.proposed.linkWeight).toBeCloseTo(Math.log2(0.95 / 0.05), 6);

    const activated = await gql(
      admin,
      'mutation { activateModel(version: "api-1") { version status current activatedBy } }',
    );
    expect(activated.data.activateModel).toEqual({
      version: 'api-1',
      status: 'active',
      current: true,
      activatedBy: 'user:test-admin',
    });
    const now = await gql(
      steward,
      '{ matchModel { version thresholds { link } } modelVersions { version status shipped } scoreHistogram { modelVersion bins { from to } } }',
    );
    expect(now.data.matchModel).toEqual({ version: 'api-1', thresholds: { link: 0.95 } });
    expect(now.data.modelVersions).toEqual([
      { version: 'api-1', status: 'active', shipped: false },
      { version: DEFAULT_MODEL.version, status: 'retired', shipped: true },
    ]);
    expect(now.data.scoreHistogram.modelVersion).toBe('api-1');

    // Registrations now score with the new version.
    const person = {
      familyName: 'Model',
      givenName: 'Ada',
      dateOfBirth: '1970-01-02',
      nhsNumber: '9434765919',
    };
    await t.call('POST', '/api/v1/records', { body: { ...person, sourceSystem: 'M', localId: 'x1' } });
    const second = await t.call('POST', '/api/v1/records', {
      body: { ...person, sourceSystem: 'N', localId: 'y1' },
    });
    expect(second.body.decision).toBe('linked');
    const rows = await dataSourceOf(t).query(`SELECT model_version FROM link WHERE reason = 'auto-link'`);
    expect(rows).toEqual([{ model_version: 'api-1' }]);

    const denied = await gql(steward, 'mutation { activateModel(version: "api-1") { version } }');
    expect(denied.errors[0].extensions.code).toBe('FORBIDDEN');
  }, 60_000);
});
