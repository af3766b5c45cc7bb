import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseLockedError, lockDataDir } from './data-dir-lock';

describe('lockDataDir', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'concord-lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes this process id and removes the lock on release', () => {
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'concord.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(join(dir, 'concord.lock'))).toBe(false);
  });

  it('refuses a folder held by another live process, naming it and the way out', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(join(dir, 'concord.lock'), String(other.pid));
      expect(() => lockDataDir(dir)).toThrow(DatabaseLockedError);
      expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by process ${other.pid}.*DATABASE_URL`));
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that has died', async () => {
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    writeFileSync(join(dir, 'concord.lock'), String(dead.pid));
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'concord.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
