import { SourceRecordInput } from '@concord/domain';
import { DEFAULT_MODEL } from '../model/shipped-model';
import { scorePair } from '../score/score';
import { standardise } from '../standardise/standardise';
import { seededRandom } from '../em/random';
import { clusterPairs } from '../cluster/cluster';
import { blockingKeys } from '../blocking/blocking';
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

  it('pairs exactly the records that share a string blocking key of a block within the cap', () => {
    const extra = [
      { recordId: 'x1', familyName: 'SMITH-JONES', givenName: 'ANN', dateOfBirth: '1970-02-03', postcode: 'LS1 1AB' },
      { recordId: 'x2', familyName: 'JONES', givenName: 'ANNE', dateOfBirth: '1970-02-03', postcode: 'LS1 1AB' },
      { recordId: 'x3', familyName: 'SMITH JONES', givenName: 'ANN', dateOfBirth: '1970-03-02', email: 'a@b.org' },
    ];
    const recs = [...records, ...extra.map(standardise)];
    const model = { ...DEFAULT_MODEL, blocking: { ...DEFAULT_MODEL.blocking, maxBlockSize: 4 } };
    const blocks = new Map<string, number[]>();
    recs.forEach((r, i) => {
      for (const k of new Set(blockingKeys(r, model))) blocks.set(k, [...(blocks.get(k) ?? []), i]);
    });
    const expected = new Set<string>();
    for (const members of blocks.values()) {
      if (members.length > model.blocking.maxBlockSize) continue;
      for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) expected.add(`${members[x]}|${members[y]}`);
    }
    const c = candidatePairs(recs, model);
    const got = new Set<string>();
    for (let p = 0; p < c.a.length; p++) got.add(`${c.a[p]}|${c.b[p]}`);
    expect(got.size).toBe(c.a.length);
    expect([...got].sort()).toEqual([...expected].sort());
    expect(c.oversized.length).toBeGreaterThan(0);
    for (const o of c.oversized) expect(blocks.get(o.key)?.length).toBe(o.size);
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
