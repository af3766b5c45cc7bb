// `npm test`: every check CI runs, in order, stopping at the first failure:
// lint (with module boundaries), type checks, the entity/migration check, unit and
// integration tests (PGlite always; PostgreSQL too when TEST_DATABASE_URL is set),
// and the browser tests against the real server.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = {
  ...process.env,
  TZ: 'UTC',
  NX_DAEMON: 'false',
  NX_TUI: 'false',
  NX_NO_CLOUD: 'true',
};
const nx = ['npx', 'nx'];
const steps = [
  ['lint', [...nx, 'run-many', '-t', 'lint', '--output-style=static']],
  ['type checks', [...nx, 'run-many', '-t', 'typecheck', '--output-style=static']],
  ['entities match migrations (PGlite)', ['npm', 'run', '--silent', 'migration:check']],
  ...(env.TEST_DATABASE_URL ? [['entities match migrations (PostgreSQL)', ['npm', 'run', '--silent', 'migration:check', '--', '--server']]] : []),
  ['unit and integration tests', [...nx, 'run-many', '-t', 'test', '--output-style=static', '--skip-nx-cache']],
  ['browser tests', [...nx, 'run', 'console-e2e:e2e', '--output-style=static']],
];

const started = Date.now();
for (const [name, [command, ...args]] of steps) {
  process.stdout.write(`\n=== ${name}: ${[command, ...args].join(' ')}\n`);
  const stepStart = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  const seconds = ((Date.now() - stepStart) / 1000).toFixed(0);
  if (result.status !== 0) {
    process.stdout.write(`\n=== FAILED: ${name} (${seconds} s)\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`=== passed: ${name} (${seconds} s)\n`);
}
process.stdout.write(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
