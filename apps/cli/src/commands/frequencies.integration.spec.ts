import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '../testing/run-command';
import { frequenciesCommand } from './frequencies';
import { importCommand } from './import';

describe('frequencies refresh on the embedded database', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'concord-cli-tf-'));
    process.env['EMPI_DATA_DIR'] = join(dir, 'data');
    delete process.env['DATABASE_URL'];
  });
  afterAll(() => {
    delete process.env['EMPI_DATA_DIR'];
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts the values of the loaded records', async () => {
    const csv = join(dir, 'records.csv');
    writeFileSync(
      csv,
      [
        'record_id,source_system,nhs_number,family_name,given_name,date_of_birth,postcode',
        'a1,RIS,,Smith,Jane,1980-02-01,LS1 4AP',
        'a2,RIS,,Smith,John,1981-03-02,LS1 4AP',
        'a3,RIS,,Nowak,Anna,1975-07-14,M1 1AA',
      ].join('\n') + '\n',
    );
    expect((await runCommand(importCommand, ['--input', csv])).code).toBe(0);
    const result = await runCommand(frequenciesCommand, ['refresh']);
    expect(result.code).toBe(0);
    // SMITH, NOWAK; JANE, JOHN, ANNA; two postcodes.
    expect(result.stdout).toMatch(/Counted 7 distinct values over 3 records/);
    await expect(runCommand(frequenciesCommand, ['recount'])).rejects.toThrow(/unknown action "recount"/);
  }, 180_000);
});
