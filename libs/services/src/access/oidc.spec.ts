import { createHmac, generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { OidcOptions, OidcVerifier } from './oidc';

const ISSUER = 'https://idp.example.nhs.uk/openam/oauth2/realms/oidc';
const NOW = 1_900_000_000_000;
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });

const jwk = (key: KeyObject, kid: string, alg: string) => ({
  ...key.export({ format: 'jwk' }),
  kid,
  alg,
  use: 'sig',
});
const JWKS = { keys: [jwk(rsa.publicKey, 'rsa-1', 'RS256'), jwk(ec.publicKey, 'ec-1', 'ES256')] };

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function token(
  claims: Record<string, unknown>,
  options: { alg?: string; kid?: string; key?: KeyObject } = {},
): string {
  const alg = options.alg ?? 'RS256';
  const header = { alg, typ: 'JWT', kid: options.kid ?? (alg.startsWith('ES') ? 'ec-1' : 'rsa-1') };
  const input = `${b64(header)}.${b64(claims)}`;
  const key = options.key ?? (alg.startsWith('ES') ? ec.privateKey : rsa.privateKey);
  const signature = alg.startsWith('ES')
    ? sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' })
    : sign(alg === 'RS384' ? 'sha384' : 'sha256', Buffer.from(input), key);
  return `${input}.${signature.toString('base64url')}`;
}

const valid = {
  iss: ISSUER,
  aud: 'concord',
  sub: 'uid-555',
  name_id: 'jane.steward',
  exp: NOW / 1000 + 300,
  nbf: NOW / 1000 - 10,
  iat: NOW / 1000 - 10,
  nhsid_roles: ['R8010', 'R8003'],
};

function verifier(overrides: Partial<OidcOptions> = {}) {
  const fetches: string[] = [];
  let body: unknown = JWKS;
  const v = new OidcVerifier(
    {
      issuer: ISSUER,
      audience: 'concord',
      jwksUrl: 'https://idp.example.nhs.uk/jwks',
      roleClaim: 'nhsid_roles',
      roleMap: [
        ['R8003', 'senior-steward'],
        ['R8010', 'steward'],
        ['R0001', 'auditor'],
      ],
      usernameClaim: 'name_id',
      algorithms: ['RS256', 'ES256'],
      clockSkewSeconds: 60,
      jwksCacheSeconds: 300,
      ...overrides,
    },
    async (url) => {
      fetches.push(url);
      return body;
    },
  );
  return { v, fetches, serve: (next: unknown) => (body = next) };
}

describe('OpenID Connect tokens', () => {
  it('accepts RS256 and ES256 tokens from the provider and maps the first configured role the user holds', async () => {
    const { v } = verifier();
    expect(await v.verify(token(valid), NOW)).toEqual({
      subject: 'uid-555',
      username: 'jane.steward',
      role: 'senior-steward',
    });
    expect(await v.verify(token({ ...valid, nhsid_roles: 'R0001' }, { alg: 'ES256' }), NOW)).toMatchObject({
      role: 'auditor',
    });
  });

  it('authenticates a user holding no mapped role, but grants no role', async () => {
    const { v } = verifier();
    expect(await v.verify(token({ ...valid, nhsid_roles: ['R9999'] }), NOW)).toMatchObject({ role: null });
  });

  it('reads nested role claims and falls back to sub for the name', async () => {
    const { v } = verifier({ roleClaim: 'realm_access.roles', usernameClaim: 'preferred_username' });
    const claims = { ...valid, realm_access: { roles: ['R8010'] } };
    expect(await v.verify(token(claims), NOW)).toEqual({
      subject: 'uid-555',
      username: 'uid-555',
      role: 'steward',
    });
  });

  it('accepts an audience list containing ours, and the clock skew either side', async () => {
    const { v } = verifier();
    expect(await v.verify(token({ ...valid, aud: ['other', 'concord'] }), NOW)).not.toBeNull();
    expect(await v.verify(token({ ...valid, exp: NOW / 1000 - 30 }), NOW)).not.toBeNull();
    expect(await v.verify(token({ ...valid, nbf: NOW / 1000 + 30 }), NOW)).not.toBeNull();
  });

  it.each([
    ['another issuer', token({ ...valid, iss: 'https://evil.example' })],
    ['another audience', token({ ...valid, aud: 'someone-else' })],
    ['no expiry', token({ ...valid, exp: undefined })],
    ['an expired token', token({ ...valid, exp: NOW / 1000 - 61 })],
    ['a token not valid yet', token({ ...valid, nbf: NOW / 1000 + 61 })],
    ['a token issued in the future', token({ ...valid, iat: NOW / 1000 + 120 })],
    ['no subject', token({ ...valid, sub: undefined })],
    ['a key the provider does not publish', token(valid, { key: stranger.privateKey })],
    ['an algorithm outside the allow-list', token(valid, { alg: 'RS384' })],
    ['an unknown key id', token(valid, { kid: 'rsa-2' })],
    ['an ES256 header on an RSA key id', token(valid, { alg: 'ES256', kid: 'rsa-1' })],
    ['alg none', `${b64({ alg: 'none', kid: 'rsa-1' })}.${b64(valid)}.`],
    [
      'HS256 keyed with the public key (algorithm confusion)',
      (() => {
        const input = `${b64({ alg: 'HS256', kid: 'rsa-1' })}.${b64(valid)}`;
        const secret = rsa.publicKey.export({ format: 'pem', type: 'spki' });
        return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
      })(),
    ],
    [
      'a tampered payload',
      (() => {
        const [h, , s] = token(valid).split('.');
        return `${h}.${b64({ ...valid, nhsid_roles: ['R8003'], sub: 'someone-else' })}.${s}`;
      })(),
    ],
    [
      'a critical header extension',
      token(valid).replace(/^[^.]+/, b64({ alg: 'RS256', kid: 'rsa-1', crit: ['x'] })),
    ],
    ['garbage', 'a.b.c'],
  ])('refuses %s', async (_name, jwt) => {
    expect(await verifier().v.verify(jwt, NOW)).toBeNull();
  });

  it('caches the key set briefly, fetching again when it is stale or a new key id appears', async () => {
    const { v, fetches, serve } = verifier({ jwksCacheSeconds: 120 });
    await v.verify(token(valid), NOW);
    await v.verify(token(valid, { alg: 'ES256' }), NOW + 1_000);
    expect(fetches).toHaveLength(1);
    // The provider rotates: a new key id is fetched for (at most once every few seconds).
    const next = generateKeyPairSync('rsa', { modulusLength: 2048 });
    serve({ keys: [...JWKS.keys, jwk(next.publicKey, 'rsa-2', 'RS256')] });
    const rotated = token(valid, { kid: 'rsa-2', key: next.privateKey });
    expect(await v.verify(rotated, NOW + 2_000)).toBeNull();
    expect(fetches).toHaveLength(1);
    expect(await v.verify(rotated, NOW + 11_000)).not.toBeNull();
    expect(fetches).toHaveLength(2);
    // A key the provider withdrew stops working once the cache is stale.
    serve({ keys: [jwk(next.publicKey, 'rsa-2', 'RS256')] });
    expect(await v.verify(token(valid), NOW + 60_000)).not.toBeNull();
    expect(await v.verify(token({ ...valid, exp: NOW / 1000 + 600 }), NOW + 132_000)).toBeNull();
    expect(fetches).toHaveLength(3);
  });
});
