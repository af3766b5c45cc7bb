import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to the embedded database on port 3000 with the demo seed', () => {
    const config = loadConfig({}, '/srv/concord');
    expect(config.port).toBe(3000);
    expect(config.database.url).toBeUndefined();
    expect(config.seedDemo).toBe(true);
    expect(config.demoRecordsCsv).toBe('/srv/concord/data-fixtures/populations/demo/records.csv');
    expect(config.survivorship).toEqual({ choose: 'most-frequent', sourceOrder: [] });
  });

  it('reads the survivorship policy and refuses an unknown one', () => {
    expect(loadConfig({ EMPI_SURVIVORSHIP_SOURCES: 'PAS,RIS' }).survivorship).toEqual({
      choose: 'most-frequent',
      sourceOrder: ['PAS', 'RIS'],
    });
    expect(() => loadConfig({ EMPI_SURVIVORSHIP: 'oldest' })).toThrow(
      /EMPI_SURVIVORSHIP must be most-frequent/,
    );
  });

  it('does not seed demo data on a server database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/empi' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/empi', EMPI_SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('checks the connection pool size of a database server', () => {
    expect(
      loadConfig({ DATABASE_URL: 'postgres://db/empi', EMPI_DB_POOL_SIZE: '25' }).database.poolSize,
    ).toBe(25);
    expect(loadConfig({}).database.poolSize).toBeUndefined();
    for (const bad of ['ten', '0', '2.5', '-1'])
      expect(() => loadConfig({ DATABASE_URL: 'postgres://db/empi', EMPI_DB_POOL_SIZE: bad })).toThrow(
        `EMPI_DB_POOL_SIZE must be a whole number from 1 to 1000 (got "${bad}")`,
      );
  });

  it('names every invalid variable at once', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', EMPI_TOKEN_SECRET: 'short' }),
    ).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', EMPI_TOKEN_SECRET: 'short' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/PORT must be a whole number/);
      expect(message).toMatch(/DATABASE_URL must start with postgres/);
      expect(message).toMatch(/EMPI_TOKEN_SECRET must be at least 32/);
    }
  });
});

describe('identity provider settings', () => {
  const provider = {
    EMPI_OIDC_ISSUER: 'https://am.nhsidentity.spineservices.nhs.uk/openam/oauth2/realms/root/realms/oidc',
    EMPI_OIDC_AUDIENCE: 'concord-client',
    EMPI_OIDC_JWKS_URL:
      'https://am.nhsidentity.spineservices.nhs.uk/openam/oauth2/realms/root/realms/oidc/connect/jwk_uri',
    EMPI_OIDC_ROLE_CLAIM: 'nhsid_useruid_roles',
    EMPI_OIDC_ROLE_MAP: 'R8003=senior-steward, R8010=steward,R0001=auditor,ADMIN=admin',
  };

  it('keeps local sign-in and no provider by default', () => {
    const config = loadConfig({});
    expect(config.localSignIn).toBe(true);
    expect(config.oidc).toBeUndefined();
  });

  it('reads a provider with its role mapping in order, and defaults for the rest', () => {
    const config = loadConfig({ ...provider, EMPI_LOCAL_SIGNIN: 'false' });
    expect(config.localSignIn).toBe(false);
    expect(config.oidc).toEqual({
      issuer: provider.EMPI_OIDC_ISSUER,
      audience: 'concord-client',
      jwksUrl: provider.EMPI_OIDC_JWKS_URL,
      roleClaim: 'nhsid_useruid_roles',
      roleMap: [
        ['R8003', 'senior-steward'],
        ['R8010', 'steward'],
        ['R0001', 'auditor'],
        ['ADMIN', 'admin'],
      ],
      usernameClaim: 'sub',
      algorithms: ['RS256', 'ES256'],
      clockSkewSeconds: 60,
      jwksCacheSeconds: 300,
    });
  });

  it('refuses to switch local sign-in off without a provider', () => {
    expect(() => loadConfig({ EMPI_LOCAL_SIGNIN: 'false' })).toThrow(
      /EMPI_LOCAL_SIGNIN=false needs an identity provider/,
    );
  });

  it('names every missing or bad provider setting', () => {
    const attempt = () =>
      loadConfig({
        EMPI_OIDC_ISSUER: 'http://idp.example.org',
        EMPI_OIDC_JWKS_URL: 'not a url',
        EMPI_OIDC_ROLE_MAP: 'R1=steward,R2=superuser,=auditor,R1=admin',
        EMPI_OIDC_ALGORITHMS: 'RS256,HS256,none',
        EMPI_OIDC_CLOCK_SKEW_SECONDS: '3600',
      });
    expect(attempt).toThrow(ConfigError);
    const message = (() => {
      try {
        attempt();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/EMPI_OIDC_ISSUER must be an https:\/\/ URL/);
    expect(message).toMatch(/EMPI_OIDC_JWKS_URL must be a URL/);
    expect(message).toMatch(/EMPI_OIDC_AUDIENCE is required/);
    expect(message).toMatch(/"superuser" is not a role/);
    expect(message).toMatch(/entries look like claim-value=role \(got "=auditor"\)/);
    expect(message).toMatch(/maps "R1" twice/);
    expect(message).toMatch(/EMPI_OIDC_ALGORITHMS must list some of RS256, .* \(got "HS256,none"\)/);
    expect(message).toMatch(/EMPI_OIDC_CLOCK_SKEW_SECONDS must be a whole number from 0 to 300/);
  });

  it('refuses provider settings without an issuer, and allows http only on loopback', () => {
    expect(() => loadConfig({ EMPI_OIDC_AUDIENCE: 'x' })).toThrow(
      /EMPI_OIDC_ISSUER is required when EMPI_OIDC_AUDIENCE is set/,
    );
    expect(
      loadConfig({
        ...provider,
        EMPI_OIDC_ISSUER: 'http://127.0.0.1:8080',
        EMPI_OIDC_JWKS_URL: 'http://localhost:8080/jwks',
      }).oidc?.issuer,
    ).toBe('http://127.0.0.1:8080');
  });
});
