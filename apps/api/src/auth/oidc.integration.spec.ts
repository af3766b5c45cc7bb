import { generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { freshDatabaseConfig, testEngines } from '@concord/persistence/testing';
import { AccessService } from '@concord/services';
import { createApp } from '../app.factory';
import { loadConfig } from '../config/app-config';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A provider-issued JWT signed with a local key (RS256 or ES256). */
function jwt(claims: Record<string, unknown>, alg: 'RS256' | 'ES256' = 'RS256', key?: KeyObject): string {
  const input = `${b64({ alg, typ: 'JWT', kid: alg === 'RS256' ? 'rsa-1' : 'ec-1' })}.${b64(claims)}`;
  const signature =
    alg === 'ES256'
      ? sign('sha256', Buffer.from(input), { key: key ?? ec.privateKey, dsaEncoding: 'ieee-p1363' })
      : sign('sha256', Buffer.from(input), key ?? rsa.privateKey);
  return `${input}.${signature.toString('base64url')}`;
}

describe.each(testEngines())('OpenID Connect sign-in instead of local sign-in on %s', (engine) => {
  let jwks: Server;
  let issuer: string;
  let jwksFetches = 0;
  let app: INestApplication;
  let url: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    // The provider's key set, served by a tiny local HTTP server.
    jwks = createServer((req, res) => {
      jwksFetches++;
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          keys: [
            { ...rsa.publicKey.export({ format: 'jwk' }), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
            { ...ec.publicKey.export({ format: 'jwk' }), kid: 'ec-1', alg: 'ES256', use: 'sig' },
          ],
        }),
      );
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/realms/nhs`;
    const fresh = await freshDatabaseConfig(engine);
    drop = fresh.drop;
    const config = {
      ...loadConfig({
        NODE_ENV: 'test',
        EMPI_SEED_DEMO: 'false',
        EMPI_LOCAL_SIGNIN: 'false',
        EMPI_OIDC_ISSUER: issuer,
        EMPI_OIDC_AUDIENCE: 'concord',
        EMPI_OIDC_JWKS_URL: `${issuer}/jwks`,
        EMPI_OIDC_ROLE_CLAIM: 'nhsid_roles',
        EMPI_OIDC_ROLE_MAP: 'R0001=auditor,R8010=steward,R8003=senior-steward',
        EMPI_OIDC_USERNAME_CLAIM: 'email',
      }),
      database: fresh.config,
      consoleDir: '/nonexistent',
    };
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  }, 90_000);
  afterAll(async () => {
    await app?.close();
    await drop?.();
    await new Promise((resolve) => jwks?.close(resolve));
  });

  const now = () => Math.floor(Date.now() / 1000);
  const claims = (extra: Record<string, unknown> = {}) => ({
    iss: issuer,
    aud: 'concord',
    sub: 'uid-7',
    email: 'jane.auditor@nhs.net',
    nhsid_roles: ['R0001'],
    iat: now() - 5,
    nbf: now() - 5,
    exp: now() + 300,
    ...extra,
  });
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.startsWith('application/json');
    return { status: response.status, body: json ? JSON.parse(text) : text };
  };
  const me = (token: string) => call('POST', '/graphql', token, { query: '{ me { username role } }' });

  it('maps a provider token to a user with a role, and checks that role like any other', async () => {
    const auditor = jwt(claims());
    expect((await me(auditor)).body.data.me).toEqual({ username: 'jane.auditor@nhs.net', role: 'auditor' });
    expect((await call('GET', '/api/v1/audit/export?format=ndjson', auditor)).status).toBe(200);

    const steward = jwt(
      claims({ sub: 'uid-8', email: 'sam.steward@nhs.net', nhsid_roles: ['R8010'] }),
      'ES256',
    );
    expect((await me(steward)).body.data.me).toEqual({ username: 'sam.steward@nhs.net', role: 'steward' });
    expect((await call('GET', '/api/v1/audit/export?format=ndjson', steward)).status).toBe(403);
    // Keys are fetched once and cached, not per request.
    expect(jwksFetches).toBe(1);
  });

  it('records the provider user as the actor of what they read', async () => {
    await call('GET', '/api/v1/audit/export?format=ndjson', jwt(claims()));
    const [event] = await app
      .get(DataSource)
      .query(
        `SELECT actor, actor_role FROM audit_event WHERE action = 'audit.exported' ORDER BY seq DESC LIMIT 1`,
      );
    expect(event).toEqual({ actor: 'user:jane.auditor@nhs.net', actor_role: 'auditor' });
  });

  it.each([
    ['expired', () => jwt(claims({ exp: now() - 120 }))],
    ['not yet valid', () => jwt(claims({ nbf: now() + 120 }))],
    ['for another audience', () => jwt(claims({ aud: 'another-app' }))],
    ['from another issuer', () => jwt(claims({ iss: 'https://evil.example' }))],
    ['signed by a key the provider does not publish', () => jwt(claims(), 'ES256', stranger.privateKey)],
  ])('refuses a token %s with 401', async (_name, make) => {
    const r = await me(make());
    expect(r.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await call('GET', '/api/v1/links?system=X&localId=Y', make())).status).toBe(401);
  });

  it('authenticates a user without a mapped role but lets them do nothing (403)', async () => {
    const r = await call('GET', '/api/v1/links?system=X&localId=Y', jwt(claims({ nhsid_roles: ['R9999'] })));
    expect(r.status).toBe(403);
    expect(r.body.message).toMatch(/grants this user no Concord role/);
  });

  it('refuses local sign-in and local session tokens, and keeps API keys for systems', async () => {
    const ds = app.get(DataSource);
    const local = new AccessService(ds, { sessionMinutes: 60 });
    await local.createUser('old-local', 'a-long-test-password', 'admin');
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'old-local', password: 'a-long-test-password' }),
    });
    expect(login.status).toBe(403);
    expect(((await login.json()) as { message: string }).message).toMatch(
      /Local sign-in is disabled: sign in with http/,
    );
    // A session token signed with the right secret (say, from before the switch) is refused too.
    const { accessToken } = await local.login('old-local', 'a-long-test-password');
    expect((await call('GET', '/api/v1/links?system=X&localId=Y', accessToken)).status).toBe(401);
    const { key } = await local.createApiKey('RIS-OIDC', ['links']);
    expect((await call('GET', '/api/v1/links?system=X&localId=Y', key)).status).toBe(404);
  });
});
