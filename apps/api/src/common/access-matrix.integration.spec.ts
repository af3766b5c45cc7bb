import { AccessService } from '@concord/services';
import { startTestApp, TestApp } from '../testing/test-app';

type Principal =
  | 'anonymous'
  | 'steward'
  | 'senior-steward'
  | 'auditor'
  | 'admin'
  | 'key:register'
  | 'key:match'
  | 'key:links';
const PRINCIPALS: Principal[] = [
  'anonymous',
  'steward',
  'senior-steward',
  'auditor',
  'admin',
  'key:register',
  'key:match',
  'key:links',
];

interface Operation {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  allowed: Principal[];
}

const USERS: Principal[] = ['steward', 'senior-steward', 'auditor', 'admin'];

/** Who may do what: the access rules of every REST route and GraphQL operation, written out. */
const OPERATIONS: Operation[] = [
  {
    name: 'register a record',
    method: 'POST',
    path: '/api/v1/records',
    body: { sourceSystem: 'M', localId: 'm1', familyName: 'Matrix' },
    allowed: ['admin', 'key:register'],
  },
  {
    name: 'match demographics',
    method: 'POST',
    path: '/api/v1/match',
    body: { familyName: 'Matrix' },
    allowed: [...USERS, 'key:match'],
  },
  {
    name: 'look up links',
    method: 'GET',
    path: '/api/v1/links?system=M&localId=m0',
    allowed: [...USERS, 'key:links'],
  },
  { name: 'read the change feed', method: 'GET', path: '/api/v1/events', allowed: [...USERS, 'key:links'] },
  {
    name: 'FHIR $match',
    method: 'POST',
    path: '/fhir/Patient/$match',
    body: {
      resourceType: 'Parameters',
      parameter: [{ name: 'resource', resource: { resourceType: 'Patient', name: [{ family: 'Matrix' }] } }],
    },
    allowed: ['steward', 'senior-steward', 'admin', 'key:match'],
  },
  {
    name: 'IHE PIXm',
    method: 'GET',
    path: '/fhir/Patient/$ihe-pix?sourceIdentifier=M|m0',
    allowed: [...USERS, 'key:links'],
  },
  {
    name: 'export the audit',
    method: 'GET',
    path: '/api/v1/audit/export?format=ndjson',
    allowed: ['auditor', 'admin'],
  },
  {
    name: 'GraphQL persons',
    method: 'POST',
    path: '/graphql',
    body: { query: '{ persons { totalCount } }' },
    allowed: USERS,
  },
  {
    name: 'GraphQL me',
    method: 'POST',
    path: '/graphql',
    body: { query: '{ me { username } }' },
    allowed: USERS,
  },
  {
    name: 'GraphQL personAt (time travel)',
    method: 'POST',
    path: '/graphql',
    body: { query: '{ personAt(id: "00000000-0000-4000-8000-000000000000", at: "2026-01-01") { status } }' },
    allowed: ['steward', 'senior-steward', 'auditor', 'admin'],
  },
  // The steward workflow: auditors read queues; only stewards act; seniors undo and approve.
  {
    name: 'GraphQL queueCounts',
    method: 'POST',
    path: '/graphql',
    body: { query: '{ queueCounts { queue open } }' },
    allowed: ['steward', 'senior-steward', 'auditor'],
  },
  {
    name: 'GraphQL tasks',
    method: 'POST',
    path: '/graphql',
    body: { query: '{ tasks { totalCount } }' },
    allowed: ['steward', 'senior-steward', 'auditor'],
  },
  {
    name: 'GraphQL task',
    method: 'POST',
    path: '/graphql',
    body: { query: '{ task(id: "00000000-0000-4000-8000-000000000000") { id } }' },
    allowed: ['steward', 'senior-steward', 'auditor'],
  },
  {
    name: 'GraphQL taskComparison',
    method: 'POST',
    path: '/graphql',
    body: { query: '{ taskComparison(id: "00000000-0000-4000-8000-000000000000") { keptApart } }' },
    allowed: ['steward', 'senior-steward'],
  },
  {
    name: 'GraphQL searchPersons',
    method: 'POST',
    path: '/graphql',
    body: { query: '{ searchPersons(input: { familyName: "Matrix" }) { score } }' },
    allowed: ['steward', 'senior-steward', 'auditor'],
  },
  {
    name: 'GraphQL pendingApprovals',
    method: 'POST',
    path: '/graphql',
    body: { query: '{ pendingApprovals { id } }' },
    allowed: ['senior-steward'],
  },
  {
    name: 'GraphQL person linkHistory and operations',
    method: 'POST',
    path: '/graphql',
    body: {
      query:
        '{ person(id: "00000000-0000-4000-8000-000000000000") { linkHistory { reason } operations { id } } }',
    },
    allowed: USERS,
  },
  {
    name: 'GraphQL claimTask',
    method: 'POST',
    path: '/graphql',
    body: { query: 'mutation { claimTask(taskId: "00000000-0000-4000-8000-000000000000") { id } }' },
    allowed: ['steward', 'senior-steward'],
  },
  {
    name: 'GraphQL claimNextTask',
    method: 'POST',
    path: '/graphql',
    body: { query: 'mutation { claimNextTask { id } }' },
    allowed: ['steward', 'senior-steward'],
  },
  {
    name: 'GraphQL releaseTask',
    method: 'POST',
    path: '/graphql',
    body: {
      query: 'mutation { releaseTask(taskId: "00000000-0000-4000-8000-000000000000", version: 1) { id } }',
    },
    allowed: ['steward', 'senior-steward'],
  },
  {
    name: 'GraphQL decideSamePerson',
    method: 'POST',
    path: '/graphql',
    body: {
      query:
        'mutation { decideSamePerson(input: { taskId: "00000000-0000-4000-8000-000000000000", version: 1, reason: "r" }) { task { id } } }',
    },
    allowed: ['steward', 'senior-steward'],
  },
  {
    name: 'GraphQL decideNotSamePerson',
    method: 'POST',
    path: '/graphql',
    body: {
      query:
        'mutation { decideNotSamePerson(input: { taskId: "00000000-0000-4000-8000-000000000000", version: 1, reason: "r" }) { task { id } } }',
    },
    allowed: ['steward', 'senior-steward'],
  },
  {
    name: 'GraphQL deferTask',
    method: 'POST',
    path: '/graphql',
    body: {
      query:
        'mutation { deferTask(input: { taskId: "00000000-0000-4000-8000-000000000000", version: 1, note: "n" }) { id } }',
    },
    allowed: ['steward', 'senior-steward'],
  },
  {
    name: 'GraphQL resolveTrace',
    method: 'POST',
    path: '/graphql',
    body: {
      query:
        'mutation { resolveTrace(input: { taskId: "00000000-0000-4000-8000-000000000000", version: 1, reason: "r" }) { id } }',
    },
    allowed: ['steward', 'senior-steward'],
  },
  {
    name: 'GraphQL splitPerson',
    method: 'POST',
    path: '/graphql',
    body: {
      query:
        'mutation { splitPerson(input: { personId: "00000000-0000-4000-8000-000000000000", recordIds: [], reason: "r" }) { id } }',
    },
    allowed: ['steward', 'senior-steward'],
  },
  {
    name: 'GraphQL undoOperation',
    method: 'POST',
    path: '/graphql',
    body: {
      query:
        'mutation { undoOperation(input: { operationId: "00000000-0000-4000-8000-000000000000", reason: "r" }) { id } }',
    },
    allowed: ['senior-steward'],
  },
  {
    name: 'GraphQL approveOperation',
    method: 'POST',
    path: '/graphql',
    body: {
      query:
        'mutation { approveOperation(input: { operationId: "00000000-0000-4000-8000-000000000000", reason: "r" }) { task { id } } }',
    },
    allowed: ['senior-steward'],
  },
  {
    name: 'GraphQL rejectOperation',
    method: 'POST',
    path: '/graphql',
    body: {
      query:
        'mutation { rejectOperation(input: { operationId: "00000000-0000-4000-8000-000000000000", reason: "r" }) { task { id } } }',
    },
    allowed: ['senior-steward'],
  },
  // Dashboard and audit screens.
  {
    name: 'GraphQL indexInsight',
    method: 'POST',
    path: '/graphql',
    body: { query: '{ indexInsight(days: 7) { days autoLink { rate } } }' },
    allowed: USERS,
  },
  {
    name: 'GraphQL auditEvents',
    method: 'POST',
    path: '/graphql',
    body: { query: '{ auditEvents(first: 5) { nodes { seq action } pageInfo { hasNextPage } } }' },
    allowed: ['auditor', 'admin'],
  },
  // The matching model: everyone signed in reads it; administrators change it.
  {
    name: 'GraphQL matchModel',
    method: 'POST',
    path: '/graphql',
    body: { query: '{ matchModel { version thresholds { link } } }' },
    allowed: USERS,
  },
  {
    name: 'GraphQL modelVersions',
    method: 'POST',
    path: '/graphql',
    body: { query: '{ modelVersions { version status } }' },
    allowed: USERS,
  },
  {
    name: 'GraphQL scoreHistogram',
    method: 'POST',
    path: '/graphql',
    body: { query: '{ scoreHistogram { binWidth totalTasks } }' },
    allowed: USERS,
  },
  {
    name: 'GraphQL loadModel',
    method: 'POST',
    path: '/graphql',
    body: { query: 'mutation { loadModel(document: "{}") { version } }' },
    allowed: ['admin'],
  },
  {
    name: 'GraphQL previewModel',
    method: 'POST',
    path: '/graphql',
    body: { query: 'mutation { previewModel(version: "none") { scored } }' },
    allowed: ['admin'],
  },
  {
    name: 'GraphQL activateModel',
    method: 'POST',
    path: '/graphql',
    body: { query: 'mutation { activateModel(version: "none") { version } }' },
    allowed: ['admin'],
  },
  { name: 'health', method: 'GET', path: '/health', allowed: PRINCIPALS },
];

describe('role × operation matrix (PGlite)', () => {
  let t: TestApp;
  const credentials = new Map<Principal, string>();
  beforeAll(async () => {
    t = await startTestApp('pglite');
    await t.call('POST', '/api/v1/records', {
      body: { sourceSystem: 'M', localId: 'm0', familyName: 'Matrix' },
    });
    credentials.set('anonymous', '');
    for (const role of ['steward', 'senior-steward', 'auditor', 'admin'] as const)
      credentials.set(role, await t.tokenFor(role));
    const access = t.app.get(AccessService);
    for (const scope of ['register', 'match', 'links'] as const) {
      credentials.set(`key:${scope}`, (await access.createApiKey(`matrix-${scope}`, [scope])).key);
    }
  }, 90_000);
  afterAll(() => t?.close());

  it('allows exactly what the rules say, for every principal and operation', async () => {
    const unexpected: string[] = [];
    for (const op of OPERATIONS) {
      for (const principal of PRINCIPALS) {
        const r = await t.call(op.method, op.path, { token: credentials.get(principal), body: op.body });
        const gqlCode = op.path === '/graphql' ? r.body?.errors?.[0]?.extensions?.code : undefined;
        const denied =
          r.status === 401 || r.status === 403 || gqlCode === 'UNAUTHENTICATED' || gqlCode === 'FORBIDDEN';
        const expectAllowed = op.allowed.includes(principal);
        if (expectAllowed === denied)
          unexpected.push(
            `${principal} ${expectAllowed ? 'refused' : 'ALLOWED'}: ${op.name} (${r.status} ${gqlCode ?? ''})`,
          );
        if (!expectAllowed && principal === 'anonymous' && op.path !== '/graphql' && r.status !== 401)
          unexpected.push(`anonymous got ${r.status} instead of 401: ${op.name}`);
      }
    }
    expect(unexpected).toEqual([]);
  }, 120_000);
});
