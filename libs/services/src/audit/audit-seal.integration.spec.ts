import type { OpenDatabase } from '@concord/persistence';
import { openTestDatabase, testEngines } from '@concord/persistence/testing';
import { appendAudit } from './audit-log';
import { AuditLedger } from './audit-ledger';
import { sealAudit } from './audit-seal';

const actor = { name: 'user:auditor', role: 'auditor' };

describe.each(testEngines())('audit sealing on %s', (engine) => {
  let db: OpenDatabase;
  let ledger: AuditLedger;
  beforeEach(async () => {
    db = await openTestDatabase(engine);
    ledger = new AuditLedger(db.dataSource);
  }, 60_000);
  afterEach(() => db?.close());

  const seals = async () =>
    (
      await db.dataSource.query(
        `SELECT s.position::int AS position, e.action FROM audit_seal s JOIN audit_event e ON e.seq = s.event_seq ORDER BY s.position`,
      )
    ).map((r: { position: number; action: string }) => `${r.position}:${r.action}`);

  it('appends without the chain, seals in order once, and leaves nothing of a rolled-back transaction', async () => {
    await appendAudit(db.dataSource.manager, actor, [{ action: 'a' }, { action: 'b', personIds: ['p1'] }]);
    await expect(
      db.dataSource.transaction(async (m) => {
        await appendAudit(m, actor, [{ action: 'rolled-back' }]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await db.dataSource.transaction((m) =>
      appendAudit(m, actor, [{ action: 'c', after: { at: new Date(0) } }]),
    );
    expect(await seals()).toEqual([]);
    expect(await sealAudit(db.dataSource)).toBe(3);
    expect(await sealAudit(db.dataSource)).toBe(0);
    expect(await seals()).toEqual(['1:a', '2:b', '3:c']);
    const [{ pending }] = await db.dataSource.query(`SELECT count(*)::int AS pending FROM audit_pending`);
    expect(pending).toBe(0);
    expect(await ledger.verify()).toEqual({ ok: true, checked: 3 });
    // The export shows each event with its place in the chain.
    const exported = [];
    for await (const e of ledger.events({})) exported.push(e);
    expect(exported.map((e) => [e.action, e.prevHash === null, e.hash === null])).toEqual([
      ['a', false, false],
      ['b', false, false],
      ['c', false, false],
    ]);
    expect(exported[1].prevHash).toBe(exported[0].hash);
    expect(exported[2].after).toEqual({ at: '1970-01-01T00:00:00.000Z' });
  });

  it('seals in batches when many events wait', async () => {
    const events = Array.from({ length: 2500 }, (_, i) => ({ action: `e${i}` }));
    await appendAudit(db.dataSource.manager, actor, events);
    expect(await sealAudit(db.dataSource)).toBe(2500);
    expect(await ledger.verify()).toEqual({ ok: true, checked: 2500 });
  });

  it('names an event taken off the sealing queue without a seal', async () => {
    await appendAudit(db.dataSource.manager, actor, [{ action: 'kept' }, { action: 'hidden' }]);
    await db.dataSource.query(`DELETE FROM audit_pending WHERE event_seq = 2`);
    expect(await ledger.verify()).toMatchObject({
      ok: false,
      checked: 1,
      firstBroken: { seq: '2', problem: expect.stringMatching(/never sealed/) },
    });
  });

  if (engine === 'postgres') {
    it('never seals past a transaction still in flight: it is sealed after it commits', async () => {
      const runner = db.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        // Takes the lower seq, and commits last.
        await appendAudit(runner.manager, actor, [{ action: 'slow' }]);
        await appendAudit(db.dataSource.manager, actor, [{ action: 'fast' }]);
        expect(await sealAudit(db.dataSource)).toBe(1);
        await runner.commitTransaction();
      } finally {
        await runner.release();
      }
      expect(await sealAudit(db.dataSource)).toBe(1);
      expect(await seals()).toEqual(['1:fast', '2:slow']);
      expect(await ledger.verify()).toEqual({ ok: true, checked: 2 });
    });

    it('keeps one chain when writers and several sealers race', async () => {
      const writers = Array.from({ length: 8 }, (_, w) =>
        (async () => {
          for (let i = 0; i < 25; i++)
            await db.dataSource.transaction(async (m) => {
              await appendAudit(m, actor, [{ action: `w${w}-${i}` }]);
              // Some transactions stay open across other writers' commits and seals.
              if (i % 3 === 0) await m.query('SELECT pg_sleep(0.005)');
            });
        })(),
      );
      let stop = false;
      const sealers = Array.from({ length: 3 }, (_, s) =>
        (async () => {
          while (!stop) await sealAudit(db.dataSource, { wait: s === 0 });
        })(),
      );
      await Promise.all(writers);
      stop = true;
      await Promise.all(sealers);
      await sealAudit(db.dataSource, { wait: true });
      const [{ events, sealed, distinct }] = await db.dataSource.query(
        `SELECT (SELECT count(*)::int FROM audit_event) AS events, count(*)::int AS sealed,
                count(DISTINCT event_seq)::int AS distinct FROM audit_seal`,
      );
      expect({ events, sealed, distinct }).toEqual({ events: 200, sealed: 200, distinct: 200 });
      expect(await ledger.verify()).toEqual({ ok: true, checked: 200 });
    });
  }
});
