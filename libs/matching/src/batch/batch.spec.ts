import { SourceRecordInput } from '@concord/domain';
import { DEFAULT_MODEL } from '../model/shipped-model';
import { scorePair } from '../score/score';
import { standardise } from '../standardise/standardise';
import { seededRandom } from '../em/random';
import { clusterPairs } from '../cluster/cluster';
import { candidatePairs } from './candidates';
import { DECISION_LINK, dedupeRecords } from './dedupe';
import { CountedTermFrequencies } from './term-frequencies';

function population(seed: number, persons: number): SourceRecordInput[] {
  const rand = seededRandom(seed);
  const fam = ['SMITH', 'JONES', 'TAYLOR', 'BROWN', 'PATEL', 'KHAN', 'WILSON', 'NGUYEN'];
  const giv = ['JOHN', 'SARAH', 'AMIR', 'OLIVIA', 'JACK', 'MIA', 'NOAH', 'ZARA'];
  const out: SourceRecordInput[] = [];
  for (let p = 0; p < persons; p++) {
    const base: SourceRecordInput = {
      familyName: fam[Math.floor(rand() * fam.length)],
      givenName: giv[Math.floor(rand() * giv.length)],
      dateOfBirth: `19${40 + Math.floor(rand() * 60)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
      sex: rand() < 0.5 ? 'M' : 'F',
      postcode: `LS${1 + Math.floor(rand() * 9)} ${1 + Math.floor(rand() * 9)}AB`,
    };
    const copies = rand() < 0.4 ? 2 : 1;
    for (let c = 0; c < copies; c++) {
      const r = { ...base, recordId: `p${p}-${c}` };
      if (c === 1 && rand() < 0.5) r.givenName = (r.givenName ?? '') + 'E';
      out.push(r);
    }
  }
  return out;
}

describe('batch path', () => {
  const inputs = population(11, 400);
  const records = inputs.map(standardise);

  it('finds each candidate pair once across all blocking rules', () => {
    const c = candidatePairs(records, DEFAULT_MODEL);
    const seen = new Set<string>();
    for (let p = 0; p < c.a.length; p++) {
      const key = `${c.a[p]}|${c.b[p]}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      expect(c.a[p]).toBeLessThan(c.b[p]);
    }
    expect(c.perRule.reduce((t, r) => t + r.pairs, 0)).toBe(c.a.length);
  });

  it('gives the same weights and decisions as scorePair (with the batch term frequencies)', () => {
    const result = dedupeRecords(records, DEFAULT_MODEL);
    const tf = CountedTermFrequencies.fromRecords(records);
    expect(result.pairA.length).toBeGreaterThan(20);
    for (let k = 0; k < result.pairA.length; k++) {
      const s = scorePair(records[result.pairA[k]], records[result.pairB[k]], DEFAULT_MODEL, { termFrequencies: tf });
      expect(result.pairWeight[k]).toBe(s.weight);
      if (result.pairDecision[k] === DECISION_LINK) expect(s.decision).toBe('link');
      else expect(s.decision).not.toBe('non-link');
    }
  });
});

describe('clusterPairs', () => {
  it('never joins a forbidden pair, even through a chain; the weaker link is refused', () => {
    // 0–1 and 1–2 link strongly, but 0 and 2 may not share a person (say two valid NHS numbers).
    const r = clusterPairs({ size: 3, a: [0, 1], b: [1, 2], weight: [30, 20], forbidden: (i, j) => i + j === 2 && i !== j });
    expect(r.clusterOf[0]).toBe(r.clusterOf[1]);
    expect(r.clusterOf[2]).not.toBe(r.clusterOf[0]);
    expect(r.refused).toEqual([1]);
  });

  it('refuses a join that would put two conflict keys in one cluster', () => {
    const keys = ['A', null, 'B', null];
    const r = clusterPairs({ size: 4, a: [0, 1, 3], b: [1, 2, 0], weight: [10, 9, 8], forbidden: () => false, conflictKey: (i) => keys[i] });
    expect(r.clusterOf[0]).toBe(r.clusterOf[1]);
    expect(r.clusterOf[2]).not.toBe(r.clusterOf[1]);
    expect(r.clusterOf[3]).toBe(r.clusterOf[0]);
    expect(r.refused).toEqual([1]);
  });
});
