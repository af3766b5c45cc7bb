import { exportQuery, filterProblem, toAuditFilter } from './audit-filter';

const empty = { fromDay: '', toDay: '', personId: '', actor: '', action: '' };

describe('audit filter', () => {
  it('turns whole days into an inclusive range of instants and drops empty fields', () => {
    const filter = toAuditFilter({ ...empty, fromDay: '2026-03-01', toDay: '2026-03-02', actor: ' user:steward ' });
    expect(filter).toEqual({
      from: new Date(2026, 2, 1).toISOString(),
      to: new Date(2026, 2, 3).toISOString(),
      actor: 'user:steward',
    });
    expect(toAuditFilter(empty)).toEqual({});
  });

  it('refuses a range that ends before it starts', () => {
    expect(filterProblem({ ...empty, fromDay: '2026-03-02', toDay: '2026-03-01' })).toMatch(/must not be after/);
    expect(filterProblem({ ...empty, fromDay: '2026-03-01', toDay: '2026-03-01' })).toBeNull();
  });

  it('builds the export query with the REST parameter names', () => {
    const query = new URLSearchParams(exportQuery('ndjson', { personId: 'p1', action: 'person.merged', from: '2026-01-01T00:00:00.000Z' }));
    expect(Object.fromEntries(query)).toEqual({
      format: 'ndjson',
      person: 'p1',
      action: 'person.merged',
      from: '2026-01-01T00:00:00.000Z',
    });
  });
});
