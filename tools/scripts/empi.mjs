// `npm run empi -- <command>`: builds the CLI when its sources changed (Nx cache makes a
// repeat build a no-op) and runs it with the caller's arguments and environment.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const main = join(root, 'dist', 'apps', 'cli', 'main.js');
if (process.env.EMPI_SKIP_BUILD !== '1' || !existsSync(main)) {
  const build = spawnSync('npx', ['nx', 'run', 'cli:build', '--output-style=stream-without-prefixes', '--skip-nx-cache=false'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
  });
  if (build.status !== 0) {
    process.stderr.write('empi: the CLI failed to build (run `npx nx run cli:build` to see why)\n');
    process.exit(build.status ?? 1);
  }
}
// npm runs scripts in the project folder; file arguments (--input, --out, --report, …) are
// read from the folder the command was typed in (INIT_CWD). The embedded database stays
// where `npm start` keeps it: EMPI_DATA_DIR (default .empi-data) relative to the project.
const cwd = process.env.INIT_CWD || process.cwd();
const dataDir = process.env.EMPI_DATA_DIR || '.empi-data';
const env = {
  ...process.env,
  EMPI_DATA_DIR: dataDir.startsWith('memory://') || isAbsolute(dataDir) ? dataDir : resolve(root, dataDir),
};
const run = spawnSync(process.execPath, ['--enable-source-maps', main, ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd,
  env,
});
process.exit(run.status ?? 1);
