import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { freshDatabaseConfig, TestEngine } from '@concord/persistence/testing';
import { AccessService } from '@concord/services';
import { createApp } from '../app.factory';
import { loadConfig } from '../config/app-config';

export interface TestApp {
  app: INestApplication;
  url: string;
  /** An API key with every scope. */
  apiKey: string;
  /** Signs in as a user created for the test with the given role. */
  tokenFor(role: 'steward' | 'senior-steward' | 'auditor' | 'admin'): Promise<string>;
  call(
    method: string,
    path: string,
    options?: { body?: unknown; raw?: string; token?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; text: string }>;
  close(): Promise<void>;
}

/** The whole server on a fresh database and a free port, for HTTP-level tests. */
export async function startTestApp(engine: TestEngine): Promise<TestApp> {
  const { config: database, drop } = await freshDatabaseConfig(engine);
  const config = {
    ...loadConfig({ NODE_ENV: 'test', EMPI_SEED_DEMO: 'false' }),
    database,
    consoleDir: '/nonexistent',
  };
  const app = await createApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const access = app.get(AccessService);
  const { key: apiKey } = await access.createApiKey('test-all', ['register', 'match', 'links']);
  const tokens = new Map<string, string>();
  const call: TestApp['call'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    const bearer = options.token ?? apiKey;
    if (bearer) headers['authorization'] = `Bearer ${bearer}`;
    let body: string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${url}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Non-JSON answers (HTML) are returned as text.
    }
    return { status: response.status, body: parsed, text };
  };
  return {
    app,
    url,
    apiKey,
    call,
    async tokenFor(role) {
      const existing = tokens.get(role);
      if (existing) return existing;
      const username = `test-${role}`;
      await access.createUser(username, 'a-long-test-password', role);
      const { accessToken } = await access.login(username, 'a-long-test-password');
      tokens.set(role, accessToken);
      return accessToken;
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}

export function dataSourceOf(testApp: TestApp): DataSource {
  return testApp.app.get(DataSource);
}
