import { testEngines } from '@concord/persistence/testing';
import { ServiceErrorCode } from '@concord/services';
import { withDatabase } from '../database';
import { useFreshDatabase } from '../testing/fresh-database';
import { runCommand } from '../testing/run-command';
import { userCommand } from './user';

describe.each(testEngines())('empi user disable, enable and set-role on %s', (engine) => {
  let cleanup: () => Promise<void>;
  let token: string;
  beforeAll(async () => {
    cleanup = await useFreshDatabase(engine, 'concord-user-');
    token = await withDatabase(async ({ access }) => {
      await access.createUser('ann', 'a-long-test-password', 'steward');
      return (await access.login('ann', 'a-long-test-password')).accessToken;
    });
  }, 90_000);
  afterAll(() => cleanup?.());

  /** What a request with the session token signed in before the change meets now. */
  const principal = () => withDatabase(({ access }) => access.authenticate(token));

  it('changes the role of a session already open, from its next request', async () => {
    expect(await principal()).toMatchObject({ kind: 'user', name: 'ann', role: 'steward' });
    const changed = await runCommand(userCommand, [
      'set-role',
      '--username',
      'ann',
      '--role',
      'senior-steward',
    ]);
    expect(changed.code).toBe(0);
    expect(await principal()).toMatchObject({ name: 'ann', role: 'senior-steward' });
    await expect(
      runCommand(userCommand, ['set-role', '--username', 'ann', '--role', 'superuser']),
    ).rejects.toThrow(/^role: must be one of/);
  }, 60_000);

  it('refuses the token of a disabled user at once, and accepts it again once enabled', async () => {
    expect((await runCommand(userCommand, ['disable', '--username', 'ann'])).code).toBe(0);
    await expect(principal()).rejects.toMatchObject({
      code: ServiceErrorCode.Unauthenticated,
      message: expect.stringMatching(/user is disabled/),
    });
    await expect(
      withDatabase(({ access }) => access.login('ann', 'a-long-test-password')),
    ).rejects.toMatchObject({
      code: ServiceErrorCode.Unauthenticated,
    });
    expect((await runCommand(userCommand, ['enable', '--username', 'ann'])).code).toBe(0);
    expect(await principal()).toMatchObject({ name: 'ann', role: 'senior-steward' });
    await expect(runCommand(userCommand, ['disable', '--username', 'nobody'])).rejects.toThrow(
      /No user named/,
    );
  }, 60_000);

  it('refuses the token of a deleted user', async () => {
    await withDatabase(({ db }) => db.dataSource.query(`DELETE FROM app_user WHERE username = 'ann'`));
    await expect(principal()).rejects.toMatchObject({
      code: ServiceErrorCode.Unauthenticated,
      message: expect.stringMatching(/no longer exists/),
    });
  }, 60_000);

  it('audits every change, naming the operator and the user', async () => {
    const events: Array<{ action: string; before: object; after: object }> = await withDatabase(({ db }) =>
      db.dataSource.query(
        `SELECT action, before, after FROM audit_event WHERE action LIKE 'user.%' AND action <> 'user.signed-in' ORDER BY seq`,
      ),
    );
    expect(events.map((e) => e.action)).toEqual([
      'user.created',
      'user.role-changed',
      'user.disabled',
      'user.sign-in-failed',
      'user.enabled',
    ]);
    expect(events[1]).toMatchObject({
      before: { username: 'ann', role: 'steward' },
      after: { username: 'ann', role: 'senior-steward' },
    });
  }, 60_000);
});
