import { BASE_URL_ENV } from './paths';
import { startServer } from './server';

/** One API for the whole run: the demo seed is the slow part and every test only reads it. */
export default async function globalSetup(): Promise<void> {
  if (process.env[BASE_URL_ENV]) {
    console.log(`\n[e2e] using the running API at ${process.env[BASE_URL_ENV]}`);
    return;
  }
  const server = await startServer();
  globalThis.__concordServer = server;
  process.env[BASE_URL_ENV] = server.baseUrl;
  console.log(`\n[e2e] API healthy at ${server.baseUrl} after ${(server.startupMs / 1000).toFixed(1)} s (fresh database, demo seed)`);
}
