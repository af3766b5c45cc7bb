import type { OpenDatabase } from '@concord/persistence';
import { openTestDatabase, testEngines } from '@concord/persistence/testing';
import { ChangeFeed } from '../feed/change-feed';
import { appendChangeEvents, NewChangeEvent, sequenceChangeEvents } from './change-events';

const event = (label: string, personId: string | null = null): NewChangeEvent => ({
  type: 'updated',
  personId,
  recordId: null,
  payload: { label },
});

describe.each(testEngines())('change feed sequencing on %s', (engine) => {
  let db: OpenDatabase;
  let feed: ChangeFeed;
  beforeEach(async () => {
    db = await openTestDatabase(engine);
    feed = new ChangeFeed(db.dataSource);
  }, 60_000);
  afterEach(() => db?.close());

  /** Every served event, paging from `after`, as "seq:label". */
  const readAll = async (after = '0', limit = 7) => {
    const out: string[] = [];
    let cursor = after;
    for (;;) {
      const page = await feed.read(cursor, limit);
      out.push(...page.events.map((e) => `${e.seq}:${(e.payload as { label: string }).label}`));
      cursor = page.cursor;
      if (!page.hasMore) return { events: out, cursor };
    }
  };

  it('serves appended events only once numbered, in order, and never one of a rolled-back transaction', async () => {
    await appendChangeEvents(db.dataSource.manager, [event('a'), event('b')]);
    await expect(
      db.dataSource.transaction(async (m) => {
        await appendChangeEvents(m, [event('rolled-back')]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await db.dataSource.transaction((m) => appendChangeEvents(m, [event('c')]));
    const [{ unnumbered }] = await db.dataSource.query(
      `SELECT count(*)::int AS unnumbered FROM change_event WHERE seq IS NULL`,
    );
    expect(unnumbered).toBe(3);
    expect(await sequenceChangeEvents(db.dataSource)).toBe(3);
    expect(await sequenceChangeEvents(db.dataSource)).toBe(0);
    const first = await readAll();
    expect(first.events).toEqual(['1:a', '2:b', '3:c']);
    // Resumes after the cursor: only what came later, numbered on read.
    await appendChangeEvents(db.dataSource.manager, [event('d')]);
    expect((await readAll(first.cursor)).events).toEqual(['4:d']);
    expect((await readAll(first.cursor)).events).toEqual(['4:d']);
    const [{ value }] = await db.dataSource.query(`SELECT value FROM event_sequence WHERE name = 'change'`);
    expect(String(value)).toBe('4');
  });

  if (engine === 'postgres') {
    it('never numbers past a transaction still in flight: it gets the next number after it commits', async () => {
      const runner = db.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        // Draws the lower id, and commits last.
        await appendChangeEvents(runner.manager, [event('slow')]);
        await appendChangeEvents(db.dataSource.manager, [event('fast')]);
        expect((await readAll()).events).toEqual(['1:fast']);
        await runner.commitTransaction();
      } finally {
        await runner.release();
      }
      expect((await readAll('1')).events).toEqual(['2:slow']);
      expect((await readAll()).events).toEqual(['1:fast', '2:slow']);
    });

    it('keeps the feed gap-free and each writer in order while writers, sequencers and readers race', async () => {
      const writers = Array.from({ length: 8 }, (_, w) =>
        (async () => {
          for (let i = 0; i < 20; i++)
            await db.dataSource
              .transaction(async (m) => {
                await appendChangeEvents(m, [event(`w${w}-${i}-x`), event(`w${w}-${i}-y`)]);
                // Some stay open across other writers' commits and passes; some roll back.
                if (i % 3 === 0) await m.query('SELECT pg_sleep(0.005)');
                if (i % 5 === 4) throw new Error('rolled back');
              })
              .catch((e: Error) => {
                if (e.message !== 'rolled back') throw e;
              });
        })(),
      );
      let stop = false;
      const seen: string[][] = [];
      const sequencers = Array.from({ length: 3 }, (_, s) =>
        (async () => {
          while (!stop) {
            if (s === 0) seen.push((await readAll()).events);
            else await sequenceChangeEvents(db.dataSource, { wait: s === 1 });
          }
        })(),
      );
      await Promise.all(writers);
      stop = true;
      await Promise.all(sequencers);
      const all = (await readAll()).events;
      // 8 writers × 16 committed transactions × 2 events; nothing of the 32 rolled back.
      expect(all).toHaveLength(256);
      all.forEach((e, i) => expect(e.startsWith(`${i + 1}:`)).toBe(true));
      expect(all.some((e) => /-(4|9|14|19)-/.test(e))).toBe(false);
      // Each writer's events in the order it wrote them, the two of a transaction together.
      for (let w = 0; w < 8; w++) {
        const mine = all.map((e) => e.split(':')[1]).filter((l) => l.startsWith(`w${w}-`));
        const expected = [...Array(20).keys()]
          .filter((i) => i % 5 !== 4)
          .flatMap((i) => [`w${w}-${i}-x`, `w${w}-${i}-y`]);
        expect(mine).toEqual(expected);
      }
      // Every page read during the race was a prefix of the final feed: nothing renumbered.
      for (const page of seen) expect(all.slice(0, page.length)).toEqual(page);
    });
  }
});
