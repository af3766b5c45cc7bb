import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePopulation } from '../generator/writer';
import { DEMO_PERSONS, DEMO_SEED } from '../generator/demo';
import { demoPopulationPaths, loadGoldenScenario, loadGoldenScenarios, readTruth, truePairs } from './index';

describe('@concord/fixtures/testing', () => {
  it('loads every golden scenario', () => {
    const all = loadGoldenScenarios();
    expect(all.length).toBeGreaterThanOrEqual(30);
    expect(all.map((s) => s.scenario)).toContain('twins');
    expect(loadGoldenScenario('nickname').cases[0].verdict).toBe('same-person');
    expect(() => loadGoldenScenario('no-such-scenario')).toThrow(/no golden scenario/);
  });

  it('points at the committed demo population with absolute paths', () => {
    const paths = demoPopulationPaths();
    for (const p of Object.values(paths)) {
      expect(p.startsWith('/') || /^[A-Za-z]:\\/.test(p)).toBe(true);
      expect(existsSync(p)).toBe(true);
    }
  });

  it('reads truth.csv into record id → person key', () => {
    const { truth, summary } = demoPopulationPaths();
    const map = readTruth(truth);
    const s = JSON.parse(readFileSync(summary, 'utf8'));
    expect(map.size).toBe(s.records);
    expect(new Set(map.values()).size).toBe(s.persons);
    expect(truePairs(map)).toHaveLength(s.truePairs);
  });

  it('has a committed demo population byte-identical to a fresh generation with its seed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fixtures-demo-'));
    try {
      const { files } = await writePopulation({ persons: DEMO_PERSONS, seed: DEMO_SEED }, dir);
      const committed = demoPopulationPaths();
      expect(readFileSync(files.records, 'utf8')).toBe(readFileSync(committed.records, 'utf8'));
      expect(readFileSync(files.truth, 'utf8')).toBe(readFileSync(committed.truth, 'utf8'));
      expect(readFileSync(files.summary, 'utf8')).toBe(readFileSync(committed.summary, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
