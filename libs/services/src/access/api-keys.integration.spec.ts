import type { OpenDatabase } from '@concord/persistence';
import { openTestDatabase, testEngines } from '@concord/persistence/testing';
import { AuditLedger } from '../audit/audit-ledger';
import { AccessService } from './access.service';

const admin = { name: 'cli:ops', role: 'operator' };

describe.each(testEngines())('API key rotation and revocation on %s', (engine) => {
  let db: OpenDatabase;
  let access: AccessService;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    access = new AccessService(db.dataSource, { sessionMinutes: 60 });
  }, 60_000);
  afterAll(() => db?.close());

  const events = async (action: string) => {
    const out = [];
    for await (const e of new AuditLedger(db.dataSource).events({ action })) out.push(e);
    return out;
  };

  it('rotates a key: the new secret works and the old one is refused at once', async () => {
    const { key: old } = await access.createApiKey('RIS-LEEDS', ['register', 'links']);
    expect(await access.authenticate(old)).toMatchObject({ kind: 'api-key', name: 'RIS-LEEDS' });
    const { key: fresh, previousKeyValidUntil } = await access.rotateApiKey('RIS-LEEDS', {}, admin);
    expect(fresh).not.toBe(old);
    expect(previousKeyValidUntil).toBeNull();
    expect(await access.authenticate(old)).toBeNull();
    expect(await access.authenticate(fresh)).toMatchObject({
      name: 'RIS-LEEDS',
      scopes: ['register', 'links'],
    });

    const [rotated] = await events('api-key.rotated');
    expect(rotated).toMatchObject({ actor: 'cli:ops', actorRole: 'operator' });
    expect(rotated.after).toMatchObject({ name: 'RIS-LEEDS', keyPrefix: fresh.slice(0, 10) });
    const stored = JSON.stringify(rotated);
    for (const secret of [old, fresh]) expect(stored).not.toContain(secret.slice(10));
  });

  it('keeps the replaced secret working only for an explicit grace period', async () => {
    const { key: old } = await access.createApiKey('PACS-YORK', ['match']);
    const now = new Date();
    const { key: fresh, previousKeyValidUntil } = await access.rotateApiKey(
      'PACS-YORK',
      { graceMinutes: 30 },
      admin,
      now,
    );
    expect(previousKeyValidUntil).toEqual(new Date(now.getTime() + 30 * 60_000));
    expect(await access.authenticate(old, now)).toMatchObject({ name: 'PACS-YORK' });
    expect(await access.authenticate(fresh, now)).toMatchObject({ name: 'PACS-YORK' });
    expect(await access.authenticate(old, new Date(now.getTime() + 31 * 60_000))).toBeNull();
    expect(await access.authenticate(fresh, new Date(now.getTime() + 31 * 60_000))).not.toBeNull();
    expect((await access.listApiKeys(now)).find((k) => k.name === 'PACS-YORK')).toMatchObject({
      status: 'active',
      previousKeyValidUntil,
    });
    // A second rotation without grace ends the first one's grace too.
    const { key: third } = await access.rotateApiKey('PACS-YORK', {}, admin, now);
    expect(await access.authenticate(old, now)).toBeNull();
    expect(await access.authenticate(fresh, now)).toBeNull();
    expect(await access.authenticate(third, now)).not.toBeNull();
    await expect(access.rotateApiKey('PACS-YORK', { graceMinutes: -1 }, admin)).rejects.toThrow(
      /^graceMinutes: must be a whole number/,
    );
  });

  it('revokes a key at once, including a secret still in its grace period, and audits it', async () => {
    const { key: old } = await access.createApiKey('PAS-HULL', ['links']);
    const { key: fresh } = await access.rotateApiKey('PAS-HULL', { graceMinutes: 60 }, admin);
    await access.revokeApiKey('PAS-HULL', admin);
    expect(await access.authenticate(old)).toBeNull();
    expect(await access.authenticate(fresh)).toBeNull();
    await expect(access.revokeApiKey('PAS-HULL', admin)).rejects.toThrow(/already revoked/);
    await expect(access.rotateApiKey('PAS-HULL', {}, admin)).rejects.toThrow(/is revoked; create a new key/);
    await expect(access.revokeApiKey('NOPE', admin)).rejects.toThrow(/No API key named "NOPE"/);
    const [revoked] = await events('api-key.revoked');
    expect(revoked).toMatchObject({ actor: 'cli:ops', after: { name: 'PAS-HULL' } });
    expect(JSON.stringify(revoked)).not.toContain(fresh.slice(10));
  });

  it('lists every key with its state and never a secret or hash', async () => {
    const list = await access.listApiKeys();
    expect(list.map((k) => [k.name, k.status])).toEqual([
      ['PACS-YORK', 'active'],
      ['PAS-HULL', 'revoked'],
      ['RIS-LEEDS', 'active'],
    ]);
    expect(Object.keys(list[0]).sort()).toEqual(
      [
        'createdAt',
        'keyPrefix',
        'name',
        'previousKeyValidUntil',
        'revokedAt',
        'rotatedAt',
        'scopes',
        'status',
      ].sort(),
    );
    expect(list[1].previousKeyValidUntil).toBeNull();
  });

  it('refuses local sign-in and local session tokens when sign-in is left to the identity provider', async () => {
    await access.createUser('local-steward', 'a-long-test-password', 'steward');
    const { accessToken } = await access.login('local-steward', 'a-long-test-password');
    const providerOnly = new AccessService(db.dataSource, { sessionMinutes: 60, localSignIn: false });
    await expect(providerOnly.login('local-steward', 'a-long-test-password')).rejects.toThrow(
      /Local sign-in is disabled/,
    );
    expect(await access.authenticate(accessToken)).toMatchObject({ kind: 'user', role: 'steward' });
    expect(await providerOnly.authenticate(accessToken)).toBeNull();
    // Systems keep their API keys.
    const { key } = await access.rotateApiKey('RIS-LEEDS', {}, admin);
    expect(await providerOnly.authenticate(key)).toMatchObject({ kind: 'api-key' });
  });
});
