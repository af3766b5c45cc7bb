import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@concord/persistence';
import { runCommand } from '../testing/run-command';
import { apikeyCommand } from './apikey';
import { auditCommand } from './audit';

describe('audit export and verify on the embedded database', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'concord-audit-'));
    process.env['EMPI_DATA_DIR'] = join(dir, 'data');
    delete process.env['DATABASE_URL'];
  });
  afterAll(() => {
    delete process.env['EMPI_DATA_DIR'];
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports the ledger for a time range and verifies the chain, then catches a rewrite', async () => {
    await runCommand(apikeyCommand, ['create', '--name', 'PACS-YORK', '--scopes', 'links']);
    const out = join(dir, 'audit.ndjson');
    const exported = await runCommand(auditCommand, [
      'export',
      '--from',
      '2000-01-01',
      '--to',
      '2999-01-01',
      '--format',
      'ndjson',
      '--out',
      out,
    ]);
    expect(exported.code).toBe(0);
    const events = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(events.map((e) => e.action)).toEqual(['api-key.created', 'audit.exported']);
    expect(events[0].after).toMatchObject({ name: 'PACS-YORK', scopes: ['links'] });

    const ok = await runCommand(auditCommand, ['verify']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/the chain holds: 2 events checked/);

    const db = await openDatabase({ dataDir: process.env['EMPI_DATA_DIR'] as string });
    await db.dataSource.transaction(async (m) => {
      await m.query('SET LOCAL session_replication_role = replica');
      await m.query(`UPDATE audit_event SET actor = 'user:nobody' WHERE seq = 1`);
    });
    await db.close();
    const broken = await runCommand(auditCommand, ['verify']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/BROKEN at event 1: its content does not match its hash/);
    await expect(
      runCommand(auditCommand, ['export', '--from', 'x', '--to', 'y', '--format', 'csv']),
    ).rejects.toThrow(/^from: /);
  }, 180_000);
});
