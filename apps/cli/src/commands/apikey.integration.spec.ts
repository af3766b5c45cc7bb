import { testEngines } from '@concord/persistence/testing';
import { withDatabase } from '../database';
import { useFreshDatabase } from '../testing/fresh-database';
import { runCommand } from '../testing/run-command';
import { apikeyCommand } from './apikey';

const lastLine = (text: string) => text.trim().split('\n').pop() ?? '';
const authenticate = (key: string) => withDatabase(({ access }) => access.authenticate(key));

describe.each(testEngines())('apikey list, rotate and revoke on %s', (engine) => {
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    cleanup = await useFreshDatabase(engine, 'concord-apikey-');
  }, 180_000);
  afterAll(() => cleanup?.());

  it('rotates a key: prints the new secret alone on the last line; the old one stops at once', async () => {
    const old = lastLine(
      (await runCommand(apikeyCommand, ['create', '--name', 'RIS-LEEDS', '--scopes', 'links'])).stdout,
    );
    const rotated = await runCommand(apikeyCommand, ['rotate', 'RIS-LEEDS']);
    expect(rotated.code).toBe(0);
    const fresh = lastLine(rotated.stdout);
    expect(fresh).toMatch(/^cnk_[A-Za-z0-9_-]{43}$/);
    expect(rotated.stderr).toMatch(/The previous secret no longer works/);
    expect(await authenticate(old)).toBeNull();
    expect(await authenticate(fresh)).toMatchObject({ name: 'RIS-LEEDS' });
  }, 180_000);

  it('gives the old secret a grace period only when asked, and revokes everything at once', async () => {
    const old = lastLine(
      (await runCommand(apikeyCommand, ['create', '--name', 'PACS-YORK', '--scopes', 'match'])).stdout,
    );
    const rotated = await runCommand(apikeyCommand, ['rotate', 'PACS-YORK', '--grace-minutes', '10']);
    expect(rotated.stderr).toMatch(/The previous secret is accepted until \d{4}-/);
    expect(await authenticate(old)).not.toBeNull();
    const revoked = await runCommand(apikeyCommand, ['revoke', 'PACS-YORK']);
    expect(revoked.stdout).toMatch(/Revoked API key "PACS-YORK"/);
    expect(await authenticate(old)).toBeNull();
    expect(await authenticate(lastLine(rotated.stdout))).toBeNull();
    await expect(runCommand(apikeyCommand, ['revoke', 'PACS-YORK'])).rejects.toThrow(/already revoked/);
    await expect(runCommand(apikeyCommand, ['rotate', 'NOPE'])).rejects.toThrow(/No API key named "NOPE"/);
    await expect(
      runCommand(apikeyCommand, ['rotate', 'RIS-LEEDS', '--grace-minutes', 'soon']),
    ).rejects.toThrow(/--grace-minutes must be a whole number/);
    await expect(runCommand(apikeyCommand, ['revoke'])).rejects.toThrow(/needs the key's name/);
  }, 180_000);

  it('lists keys with their state, never a secret', async () => {
    const listed = await runCommand(apikeyCommand, ['list']);
    const lines = listed.stdout.trim().split('\n');
    expect(lines.map((l) => l.split('\t').slice(0, 1).concat(l.split('\t')[3].split(' ')[0]))).toEqual([
      ['PACS-YORK', 'revoked'],
      ['RIS-LEEDS', 'active'],
    ]);
    expect(listed.stdout).not.toMatch(/cnk_[A-Za-z0-9_-]{43}/);
    const json = (await runCommand(apikeyCommand, ['list', '--json'])).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(json.map((k) => [k.name, k.status, k.scopes])).toEqual([
      ['PACS-YORK', 'revoked', ['match']],
      ['RIS-LEEDS', 'active', ['links']],
    ]);
  }, 180_000);

  it('audits each change with the operator as actor, and no secret', async () => {
    const rows = await withDatabase(({ db }) =>
      db.dataSource.query(
        `SELECT action, actor, after FROM audit_event WHERE action LIKE 'api-key.%' ORDER BY seq`,
      ),
    );
    expect(rows.map((r: { action: string }) => r.action)).toEqual([
      'api-key.created',
      'api-key.rotated',
      'api-key.created',
      'api-key.rotated',
      'api-key.revoked',
    ]);
    expect(rows.every((r: { actor: string }) => r.actor.startsWith('cli:'))).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/cnk_[A-Za-z0-9_-]{43}/);
  }, 180_000);
});
