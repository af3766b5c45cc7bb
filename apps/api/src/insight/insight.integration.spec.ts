import { startTestApp, TestApp } from '../testing/test-app';

const INSIGHT = `{ indexInsight(days: 7) {
  from to days
  queueSizes { day queues { queue open } }
  flow { day created resolved }
  turnaround { resolvedCount medianSeconds p90Seconds }
  autoLink { registrationLinks autoLinks rate }
  sourceQuality { sourceSystem records invalidNhsNumber missingNhsNumber duplicateRecords duplicateRate }
} }`;

const AUDIT = `query A($filter: AuditEventFilterInput, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    nodes { seq occurredAt actor actorRole action personIds recordIds reason }
    pageInfo { endCursor hasNextPage }
  }
}`;

describe('dashboard and audit GraphQL (PGlite)', () => {
  let t: TestApp;
  let steward: string;
  let auditor: string;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    steward = await t.tokenFor('steward');
    auditor = await t.tokenFor('auditor');
    for (const [localId, nhsNumber] of [['i1', '9434765919'], ['i2', '9434765919'], ['i3', '123']])
      await t.call('POST', '/api/v1/records', {
        body: { sourceSystem: 'INS', localId, nhsNumber, familyName: 'Insight', givenName: 'Iris', dateOfBirth: '1970-01-01' },
      });
  }, 90_000);
  afterAll(() => t?.close());

  it('answers the dashboard figures for a steward', async () => {
    const r = await t.call('POST', '/graphql', { token: steward, body: { query: INSIGHT } });
    expect(r.body.errors).toBeUndefined();
    const insight = r.body.data.indexInsight;
    expect(insight.days).toBe(7);
    expect(insight.queueSizes).toHaveLength(7);
    expect(insight.flow).toHaveLength(7);
    const ins = insight.sourceQuality.find((q: { sourceSystem: string }) => q.sourceSystem === 'INS');
    expect(ins).toMatchObject({ records: 3, invalidNhsNumber: 1 });
    expect(insight.autoLink.registrationLinks).toBe(3);
  });

  it('refuses a period out of range with a useful message', async () => {
    const r = await t.call('POST', '/graphql', { token: steward, body: { query: '{ indexInsight(days: 0) { days } }' } });
    expect(r.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(r.body.errors[0].message).toMatch(/days/);
  });

  it('lists ledger events for an auditor by filter and page, and audits the reading', async () => {
    const first = await t.call('POST', '/graphql', {
      token: auditor,
      body: { query: AUDIT, variables: { filter: { action: 'record.registered' }, first: 2 } },
    });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.auditEvents.nodes).toHaveLength(2);
    expect(first.body.data.auditEvents.pageInfo.hasNextPage).toBe(true);
    const second = await t.call('POST', '/graphql', {
      token: auditor,
      body: {
        query: AUDIT,
        variables: { filter: { action: 'record.registered' }, first: 2, after: first.body.data.auditEvents.pageInfo.endCursor },
      },
    });
    expect(second.body.data.auditEvents.nodes).toHaveLength(1);
    expect(Number(second.body.data.auditEvents.nodes[0].seq)).toBeLessThan(
      Number(first.body.data.auditEvents.nodes[1].seq),
    );
    const reads = await t.call('POST', '/graphql', {
      token: auditor,
      body: { query: AUDIT, variables: { filter: { action: 'audit.searched' } } },
    });
    expect(reads.body.data.auditEvents.nodes.length).toBeGreaterThanOrEqual(2);
    expect(reads.body.data.auditEvents.nodes[0]).toMatchObject({ actorRole: 'auditor', action: 'audit.searched' });
  });

  it('explains a bad filter and refuses a steward', async () => {
    const bad = await t.call('POST', '/graphql', {
      token: auditor,
      body: { query: AUDIT, variables: { filter: { from: 'yesterday' } } },
    });
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.body.errors[0].message).toMatch(/from/);
    const refused = await t.call('POST', '/graphql', { token: steward, body: { query: AUDIT } });
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
