import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '../testing/run-command';
import { apikeyCommand } from './apikey';
import { importCommand } from './import';

describe('import and apikey on the embedded database', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'concord-cli-'));
    process.env['EMPI_DATA_DIR'] = join(dir, 'data');
    delete process.env['DATABASE_URL'];
  });
  afterAll(() => {
    delete process.env['EMPI_DATA_DIR'];
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports with matching, reports bad rows by line, and changes nothing when re-run', async () => {
    const csv = join(dir, 'records.csv');
    writeFileSync(
      csv,
      [
        'record_id,source_system,nhs_number,family_name,given_name,date_of_birth',
        'a1,RIS,943 476 5919,Smith,Jane,1980-02-01',
        'a2,PACS,9434765919,SMITH,Jane,01/02/1980',
        ',PACS,9434765919,SMITH,Jane,01/02/1980',
        'a3,PAS,1234567890,Nowak,Anna,19750714',
        'a4,PAS,too,many,fields,here,x',
      ].join('\n') + '\n',
    );
    const report = join(dir, 'rejected.csv');
    const first = await runCommand(importCommand, ['--input', csv, '--report', report]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/5 rows .*: 2 new persons, 1 linked, 0 for review, 0 updated, 0 unchanged, 2 rejected/);
    expect(first.stderr).toMatch(/line 4: rejected: record_id is empty/);
    expect(readFileSync(report, 'utf8')).toBe(
      'line,record_id,reason\n4,,record_id is empty\n6,a4,"expected 6 fields as in the header, found 7"\n',
    );
    const second = await runCommand(importCommand, ['--input', csv]);
    expect(second.stdout).toMatch(/0 new persons, 0 linked, 0 for review, 0 updated, 3 unchanged, 2 rejected/);
    // A later row for a known registration is an update, not a new person.
    const update = join(dir, 'update.csv');
    writeFileSync(
      update,
      'record_id,source_system,nhs_number,family_name,given_name,date_of_birth\na3,PAS,1234567890,Nowak,Anna Maria,19750714\n',
    );
    const third = await runCommand(importCommand, ['--input', update]);
    expect(third.stdout).toMatch(/1 rows .*: 0 new persons, 0 linked, 0 for review, 1 updated, 0 unchanged, 0 rejected/);
  }, 180_000);

  it('creates an API key and prints it alone on the last line', async () => {
    const result = await runCommand(apikeyCommand, [
      'create',
      '--name',
      'RIS-LEEDS',
      '--scopes',
      'register,match',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n').pop()).toMatch(/^cnk_[A-Za-z0-9_-]{43}$/);
    await expect(
      runCommand(apikeyCommand, ['create', '--name', 'x', '--scopes', 'register,delete']),
    ).rejects.toThrow(/^scopes: .*unknown: delete/);
  }, 180_000);
});
