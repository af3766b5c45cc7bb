import { hashPassword, verifyPassword } from './passwords';
import { signToken, verifyToken } from './tokens';

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse');
    expect(stored.startsWith('scrypt$16384$8$1$')).toBe(true);
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct hors', stored)).toBe(false);
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });
});

describe('session tokens', () => {
  const claims = { sub: 'u1', username: 'steward', role: 'steward' as const, exp: 2_000_000_000 };

  it('round-trips claims signed with the same secret', () => {
    expect(verifyToken(signToken(claims, 's3cret'), 's3cret', 1_000)).toEqual(claims);
  });

  it('refuses another secret, a tampered body and an expired token', () => {
    const token = signToken(claims, 's3cret');
    expect(verifyToken(token, 'other', 1_000)).toBeNull();
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    expect(verifyToken(`${forged}.${token.split('.')[1]}`, 's3cret', 1_000)).toBeNull();
    expect(verifyToken(token, 's3cret', 2_000_000_001_000)).toBeNull();
    expect(verifyToken('garbage', 's3cret')).toBeNull();
  });
});
