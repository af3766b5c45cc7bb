import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_MAIN, ARTIFACTS_DIR, CONSOLE_INDEX, WORKSPACE_ROOT } from './paths';

declare global {
  /** Set by the global setup for the global teardown (same Node process). */
  var __concordServer: RunningServer | undefined;
}

export interface RunningServer {
  readonly baseUrl: string;
  readonly dataDir: string;
  readonly process: ChildProcess;
  readonly startupMs: number;
}

/** First start runs initdb in WASM, migrations and the demo seed; allow for a loaded machine. */
// First start seeds ~3,000 records through the full matching path: ~30 s on an idle 2-core
// machine, several times that when the machine is busy.
const HEALTH_TIMEOUT_MS = Number(process.env['CONCORD_E2E_STARTUP_TIMEOUT_MS'] ?? 300_000);

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      if (address === null || typeof address === 'string') return reject(new Error('no port'));
      probe.close(() => resolvePort(address.port));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

async function waitForHealth(baseUrl: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The API exited with code ${child.exitCode} while starting; see ${logFile}`);
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return;
      lastProblem = `GET /health answered ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await sleep(500);
  }
  throw new Error(`The API was not healthy within ${HEALTH_TIMEOUT_MS / 1000} s (${lastProblem}); see ${logFile}`);
}

/** Starts the built API on a free port with a fresh embedded database, and waits until it is healthy. */
export async function startServer(): Promise<RunningServer> {
  for (const [file, build] of [
    [API_MAIN, 'npx nx run api:build'],
    [CONSOLE_INDEX, 'npx nx run console:build'],
  ]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`${build}\` (the e2e target does this for you)`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-e2e-data-'));
  mkdirSync(join(ARTIFACTS_DIR, 'logs'), { recursive: true });
  const logFile = join(ARTIFACTS_DIR, 'logs', 'api.log');
  const log = createWriteStream(logFile);
  const started = Date.now();
  // Always the embedded database: a DATABASE_URL from the caller's shell must not be written to.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), EMPI_DATA_DIR: dataDir, NODE_ENV: 'test' };
  delete env['DATABASE_URL'];
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: WORKSPACE_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, logFile);
  } catch (error) {
    await stopServer({ baseUrl, dataDir, process: child, startupMs: 0 });
    throw error;
  }
  return { baseUrl, dataDir, process: child, startupMs: Date.now() - started };
}

/** Stops the API (politely, then firmly) and removes its throwaway database. */
export async function stopServer(server: RunningServer): Promise<void> {
  const child = server.process;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<boolean>((done) => (timer = setTimeout(() => done(false), 10_000)));
    const stopped = await Promise.race([exited.then(() => true), gaveUp]);
    // A pending timer would keep jest alive after the run.
    clearTimeout(timer);
    if (!stopped) {
      child.kill('SIGKILL');
      await exited;
    }
  }
  child.stdout?.destroy();
  child.stderr?.destroy();
  rmSync(server.dataDir, { recursive: true, force: true });
}
