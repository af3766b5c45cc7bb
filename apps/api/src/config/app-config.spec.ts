import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to the embedded database on port 3000 with the demo seed', () => {
    const config = loadConfig({}, '/srv/concord');
    expect(config.port).toBe(3000);
    expect(config.database.url).toBeUndefined();
    expect(config.seedDemo).toBe(true);
    expect(config.demoRecordsCsv).toBe('/srv/concord/data-fixtures/populations/demo/records.csv');
  });

  it('does not seed demo data on a server database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/empi' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/empi', EMPI_SEED_DEMO: 'true' }).seedDemo).toBe(true);
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
