// Run by interrupted-merge.integration.spec.ts in a separate Node process, which the test
// kills in the middle of the merge: `node … interrupted-merge.child.ts <databaseUrl> <taskId> <version>`.
import { openDatabase } from '@concord/persistence';
import { StewardDecisions } from './steward-decisions';

async function main() {
  const [url, taskId, version] = process.argv.slice(2);
  const db = await openDatabase({ url, dataDir: '' });
  const decisions = new StewardDecisions(db.dataSource, { leaseMinutes: 15, fourEyes: 'off' });
  process.stdout.write('merging\n');
  await decisions.samePerson(
    { taskId, version: Number(version), reason: 'merge that will be interrupted' },
    { name: 'user:child', role: 'steward' },
  );
  process.stdout.write('merged\n');
  await db.close();
}

main().catch((error) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
