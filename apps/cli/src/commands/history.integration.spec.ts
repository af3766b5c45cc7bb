import { testEngines } from '@concord/persistence/testing';
import { withDatabase } from '../database';
import { useFreshDatabase } from '../testing/fresh-database';
import { runCommand } from '../testing/run-command';
import { historyCommand } from './history';

const jane = { nhsNumber: '9434765919', familyName: 'Smith', givenName: 'Jane', dateOfBirth: '1980-02-01' };
const anna = { nhsNumber: '4010232137', familyName: 'Nowak', givenName: 'Anna', dateOfBirth: '1975-07-14' };
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
async function instant(): Promise<string> {
  await pause();
  const at = new Date().toISOString();
  await pause();
  return at;
}

describe.each(testEngines())('empi history on %s', (engine) => {
  let cleanup: () => Promise<void>;
  let janeId: string;
  let annaId: string;
  const at: string[] = [];
  beforeAll(async () => {
    cleanup = await useFreshDatabase(engine, 'concord-history-');
    const ris = { name: 'api-key:ris', role: 'api-key[register]' };
    await withDatabase(async ({ registration }) => {
      janeId = (await registration.register({ sourceSystem: 'RIS', localId: 'A1', ...jane }, ris)).personId;
      annaId = (await registration.register({ sourceSystem: 'PAS', localId: 'C1', ...anna }, ris)).personId;
      at.push(await instant());
      await registration.register({ sourceSystem: 'PAS', localId: 'C1', ...jane }, ris);
      at.push(await instant());
    });
  }, 90_000);
  afterAll(() => cleanup?.());

  it('prints the person as it was, with each link and the ledger event behind it', async () => {
    const before = await runCommand(historyCommand, ['--person', annaId, '--at', at[0]]);
    expect(before.code).toBe(0);
    expect(before.stdout).toMatch(
      new RegExp(`person ${annaId}: active then \\(retired now, successor ${janeId}\\), 1 record`),
    );
    expect(before.stdout).toMatch(/- PAS C1 .*: auto link, new-person/);
    expect(before.stdout).toMatch(/ledger #\d+ .* record.registered by api-key:ris/);

    const after = await runCommand(historyCommand, ['--person', annaId, '--at', at[1]]);
    expect(after.stdout).toMatch(new RegExp(`${annaId} was retired at .*; its successor ${janeId} answers`));
    expect(after.stdout).toMatch(/2 records/);
    expect(after.stdout).toMatch(
      /- PAS C1 .*: auto link, auto-link, score \d+\.\d\d, probability [01]\.\d{4}/,
    );
  }, 180_000);

  it('answers as JSON, and the read is audited with the operator as actor', async () => {
    const json = JSON.parse(
      (await runCommand(historyCommand, ['--person', annaId, '--at', at[1], '--json'])).stdout,
    );
    expect(json).toMatchObject({ requestedId: annaId, personId: janeId, status: 'active' });
    expect(json.records.map((r: { localId: string }) => r.localId).sort()).toEqual(['A1', 'C1']);
    const reads = await withDatabase(({ db }) =>
      db.dataSource.query(`SELECT actor, person_ids FROM audit_event WHERE action = 'person.history-viewed'`),
    );
    expect(reads).toHaveLength(3);
    expect(reads[2].actor).toMatch(/^cli:/);
    expect(reads[2].person_ids).toEqual([annaId, janeId]);
  }, 180_000);

  it('names a bad option value', async () => {
    await expect(runCommand(historyCommand, ['--person', annaId, '--at', 'noon'])).rejects.toThrow(
      /^at: must be an ISO 8601/,
    );
    await expect(runCommand(historyCommand, ['--at', at[0]])).rejects.toThrow(/--person needs a value/);
    await expect(runCommand(historyCommand, ['--person', 'anna', '--at', at[0]])).rejects.toThrow(
      /^person: must be a person id \(a UUID\)$/,
    );
  });
});
