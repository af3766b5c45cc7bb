import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MODEL } from '@concord/matching';
import { runCommand } from '../testing/run-command';
import { withDatabase } from '../database';
import { importCommand } from './import';
import { modelCommand } from './model';

describe('model versions on the embedded database', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'concord-cli-model-'));
    process.env['EMPI_DATA_DIR'] = join(dir, 'data');
    delete process.env['DATABASE_URL'];
  });
  afterAll(() => {
    delete process.env['EMPI_DATA_DIR'];
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads a draft, activates it and lists the versions', async () => {
    const file = join(dir, 'model.json');
    writeFileSync(
      file,
      JSON.stringify({ ...DEFAULT_MODEL, version: 'cli-1', thresholds: { link: 0.98, review: 0.05 } }),
    );
    const loaded = await runCommand(modelCommand, ['load', '--file', file]);
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toMatch(/Loaded model cli-1 as a draft/);

    let list = await runCommand(modelCommand, ['list']);
    expect(list.stdout).toMatch(/^cli-1 {2}\(draft\) {2}loaded .* by cli:/m);
    expect(list.stdout).toContain(`${DEFAULT_MODEL.version}  (active, shipped, in use)`);

    const activated = await runCommand(modelCommand, ['activate', '--version', 'cli-1']);
    expect(activated.stdout).toMatch(/Model cli-1 is now the one every score uses/);
    list = await runCommand(modelCommand, ['list']);
    expect(list.stdout).toMatch(/^cli-1 {2}\(active, in use\)/m);
    expect(list.stdout).toContain(`${DEFAULT_MODEL.version}  (retired, shipped)`);

    // An import scores with the active version, as the API does.
    const csv = join(dir, 'records.csv');
    writeFileSync(
      csv,
      'record_id,source_system,nhs_number,family_name,given_name,date_of_birth\n' +
        'a1,RIS,9434765919,Smith,Jane,1980-02-01\na2,PACS,9434765919,SMITH,Jane,01/02/1980\n',
    );
    expect((await runCommand(importCommand, ['--input', csv])).code).toBe(0);
    const versions = await withDatabase(({ db }) =>
      db.dataSource.query(`SELECT DISTINCT model_version FROM link WHERE model_version IS NOT NULL`),
    );
    expect(versions).toEqual([{ model_version: 'cli-1' }]);
  }, 120_000);

  it('refuses an invalid document with the JSON path at fault', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...DEFAULT_MODEL, version: 'cli-bad', prior: 2 }));
    await expect(runCommand(modelCommand, ['load', '--file', file])).rejects.toThrow(/^\$\.prior: must be/);
    await expect(runCommand(modelCommand, ['activate', '--version', 'nope'])).rejects.toThrow(/not found/);
    await expect(runCommand(modelCommand, ['retire'])).rejects.toThrow(/unknown action "retire"/);
  }, 120_000);
});
