import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePopulationSync, Relation } from './generate';
import { writePopulation } from './writer';

describe('relations (hard negatives)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fixtures-relations-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('observes without drawing: records and truth are the same with or without the callback', () => {
    const seen: string[] = [];
    const withRel = generatePopulationSync({ persons: 1500, seed: 'rel-a', onRelation: (a, b, r) => seen.push(`${a},${b},${r}`) });
    const without = generatePopulationSync({ persons: 1500, seed: 'rel-a' });
    expect(withRel.records).toEqual(without.records);
    expect(seen.length).toBeGreaterThan(0);
  });

  it('writes relations.csv with one row per pair of look-alike persons, counted as in the summary', async () => {
    const { summary, files } = await writePopulation({ persons: 8000, seed: 'rel-b' }, dir);
    const lines = readFileSync(files.relations, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('person_key_a,person_key_b,relation');
    const persons = new Set(
      readFileSync(files.truth, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[1]),
    );
    const count = new Map<Relation, number>();
    for (const line of lines.slice(1)) {
      const [a, b, rel] = line.split(',') as [string, string, Relation];
      expect(a).not.toBe(b);
      // Every household member has at least one record, so both keys are in truth.csv.
      expect(persons.has(a) && persons.has(b)).toBe(true);
      count.set(rel, (count.get(rel) ?? 0) + 1);
    }
    const s = summary.scenarios as Record<string, number>;
    expect(count.get('twin') ?? 0).toBe(s['twins']);
    expect(count.get('triplet') ?? 0).toBe(3 * s['triplets']);
    expect(count.get('mother-newborn') ?? 0).toBe(s['motherNewborn']);
    expect(count.get('father-son') ?? 0).toBe(s['fatherSon']);
    expect(count.get('common-name') ?? 0).toBeGreaterThanOrEqual(3 * s['commonNameCollision']);
    expect(s['twins']).toBeGreaterThan(0);
  });
});
