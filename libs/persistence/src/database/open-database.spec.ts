import { withGenericPlans } from './open-database';

describe('the server startup options', () => {
  it('ask for generic plans of prepared statements', () => {
    expect(withGenericPlans('postgres://empi@db.example:5432/empi')).toBe(
      '-c plan_cache_mode=force_generic_plan',
    );
  });

  it('keep the options the URL gives', () => {
    expect(withGenericPlans('postgres://empi@db.example/empi?options=-c%20statement_timeout%3D5000')).toBe(
      '-c statement_timeout=5000 -c plan_cache_mode=force_generic_plan',
    );
  });

  it('take a socket directory as the host', () => {
    expect(withGenericPlans('postgres://postgres@%2Fvar%2Frun%2Fpostgresql/empi')).toBe(
      '-c plan_cache_mode=force_generic_plan',
    );
  });
});
