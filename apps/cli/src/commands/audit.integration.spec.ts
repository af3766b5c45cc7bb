import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@concord/persistence';
import { testEngines } from '@concord/persistence/testing';
import { withDatabase } from '../database';
import { useFreshDatabase } from '../testing/fresh-database';
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

describe.each(testEngines())('audit export of one person on %s', (engine) => {
  let cleanup: () => Promise<void>;
  let personId: string;
  beforeAll(async () => {
    cleanup = await useFreshDatabase(engine, 'concord-audit-person-');
    personId = await withDatabase(
      async ({ registration }) =>
        (
          await registration.register(
            { sourceSystem: 'RIS', localId: 'A1', familyName: 'Okafor', givenName: 'Ada' },
            { name: 'api-key:ris', role: 'api-key[register]' },
          )
        ).personId,
    );
  }, 90_000);
  afterAll(() => cleanup?.());

  it("names the person in the ledger event of an export of that person's history", async () => {
    const exported = await runCommand(auditCommand, [
      'export',
      '--from',
      '2000-01-01',
      '--to',
      '2999-01-01',
      '--format',
      'ndjson',
      '--person',
      personId,
    ]);
    expect(exported.code).toBe(0);
    const events: Array<{ action: string; person_ids: string[] }> = await withDatabase(({ db }) =>
      db.dataSource.query(
        `SELECT action, person_ids FROM audit_event WHERE action = 'audit.exported' ORDER BY seq`,
      ),
    );
    expect(events).toEqual([{ action: 'audit.exported', person_ids: [personId] }]);
  }, 120_000);
});
