import { stopServer } from './server';

export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__concordServer;
  if (server) await stopServer(server);
  globalThis.__concordServer = undefined;
}
