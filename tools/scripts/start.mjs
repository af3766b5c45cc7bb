// `npm start`: builds the API and the console when their sources changed (Nx caches the
// rest), then runs the server. With no environment it uses the embedded database under
// ./.empi-data and seeds the demo population on first start.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' };
process.stderr.write('Building Concord (API and console)…\n');
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=api,console', '--output-style=static'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env,
});
if (build.status !== 0) {
  process.stderr.write('The build failed: run `npx nx run-many -t build --projects=api,console` to see why.\n');
  process.exit(build.status ?? 1);
}
const server = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist/apps/api/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TZ: process.env.TZ ?? 'UTC' },
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => server.kill(signal));
// `kill <pid of npm>` ends npm and its shell but does not reach this process: it would live on
// as an orphan with the server holding the port and the data directory. When the parent is
// gone (the parent id changes), the server is stopped as if it had been sent SIGTERM.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) server.kill('SIGTERM');
}, 1000).unref();
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
