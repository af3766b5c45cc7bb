// `npm run fixtures -- --persons N --seed S --out DIR`: builds the data-fixtures generator
// when its sources changed (Nx cache makes a repeat build a no-op) and runs it with the
// caller's arguments. `--golden DIR` rewrites the golden scenario files instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const main = join(root, 'dist', 'data-fixtures', 'main.js');
if (process.env.FIXTURES_SKIP_BUILD !== '1' || !existsSync(main)) {
  const build = spawnSync('npx', ['nx', 'run', 'fixtures:build', '--output-style=stream-without-prefixes', '--skip-nx-cache=false'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
  });
  if (build.status !== 0) {
    process.stderr.write('fixtures: the generator failed to build (run `npx nx run fixtures:build` to see why)\n');
    process.exit(build.status ?? 1);
  }
}
const run = spawnSync(process.execPath, ['--enable-source-maps', main, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
