import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Raised when another live process holds the embedded database folder. */
export class DatabaseLockedError extends Error {}

/**
 * An embedded (PGlite) data folder belongs to one process at a time: two processes writing
 * the same folder corrupt it. The lock file holds the owner's pid; a lock left by a
 * process that has died is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'concord.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      // This very process counts as a live owner too: one process must not open the folder twice.
      if (owner && (owner === process.pid || isAlive(owner))) {
        throw new DatabaseLockedError(
          `The embedded database in ${dataDir} is in use by process ${owner} (is \`npm start\` running?). ` +
            'Stop that process first, or set DATABASE_URL to use a PostgreSQL server, which many processes can share.',
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new DatabaseLockedError(`Could not lock the embedded database in ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
