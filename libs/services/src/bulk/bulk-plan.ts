import { candidatePairs, clusterPairs, MatchModel, scorePair, StandardRecord } from '@concord/matching';

/**
 * The batch engine's decisions for a whole file, in the shape the writer needs: a person
 * per cluster, the record each linked record is linked through, and at most one review
 * task per record. Scoring uses `scorePair` without term frequencies, exactly as the
 * real-time path (`scoreAgainstPerson`) does, so the decisions are the same as far as an
 * order-free batch can make them.
 */
export interface BulkPlan {
  /** Cluster (future person) of each record; clusters are numbered in order of their first record. */
  clusterOf: Int32Array;
  clusters: number;
  /** Records of each cluster, in file order (CSR: `clusterRecords[clusterStart[c] .. clusterStart[c+1]]`). */
  clusterStart: Int32Array;
  clusterRecords: Int32Array;
  /** The record each non-first member is linked through (-1 for a cluster's first record). */
  linkPartner: Int32Array;
  /** The earlier record of another person each record is most doubtfully like (-1: none). */
  reviewPartner: Int32Array;
  stats: { candidatePairs: number; linkPairs: number; reviewPairs: number; refusedLinks: number };
}

const LINK = 1;
const REVIEW = 2;

export function planBulk(
  records: StandardRecord[],
  model: MatchModel,
  progress: (stage: string) => void = () => undefined,
): BulkPlan {
  const n = records.length;
  progress('blocking');
  const cand = candidatePairs(records, model);
  progress(`scoring ${cand.a.length.toLocaleString('en-GB')} candidate pairs`);
  const keptA: number[] = [];
  const keptB: number[] = [];
  const keptW: number[] = [];
  const keptD: number[] = [];
  for (let p = 0; p < cand.a.length; p++) {
    const score = scorePair(records[cand.a[p]], records[cand.b[p]], model);
    if (score.decision === 'non-link') continue;
    keptA.push(cand.a[p]);
    keptB.push(cand.b[p]);
    keptW.push(score.weight);
    keptD.push(score.decision === 'link' ? LINK : REVIEW);
  }

  progress('clustering');
  const linkPos: number[] = [];
  for (let k = 0; k < keptD.length; k++) if (keptD[k] === LINK) linkPos.push(k);
  const clusters = clusterPairs({
    size: n,
    a: linkPos.map((k) => keptA[k]),
    b: linkPos.map((k) => keptB[k]),
    weight: linkPos.map((k) => keptW[k]),
    // Any safety rule keeps two records apart, as in the batch engine's own clustering.
    forbidden: (i, j) => scorePair(records[i], records[j], model).rules.length > 0,
    conflictKey: (i) => (model.safety.nhsConflict && records[i].nhsValid ? records[i].nhs : null),
  });
  for (const r of clusters.refused) keptD[linkPos[r]] = REVIEW;
  const { clusterOf } = clusters;

  // Members per cluster in file order (records are visited in index order).
  const clusterStart = new Int32Array(clusters.clusters + 1);
  for (let i = 0; i < n; i++) clusterStart[clusterOf[i] + 1]++;
  for (let c = 0; c < clusters.clusters; c++) clusterStart[c + 1] += clusterStart[c];
  const fill = clusterStart.slice(0, clusters.clusters);
  const clusterRecords = new Int32Array(n);
  for (let i = 0; i < n; i++) clusterRecords[fill[clusterOf[i]]++] = i;
  const isFirst = (i: number) => clusterRecords[clusterStart[clusterOf[i]]] === i;

  // A linked record is linked through its strongest link to an earlier member, the record
  // the real-time path would have found already registered; failing that, any member.
  const linkPartner = new Int32Array(n).fill(-1);
  const linkWeight = new Float64Array(n).fill(-Infinity);
  const reviewPartner = new Int32Array(n).fill(-1);
  const reviewWeight = new Float64Array(n).fill(-Infinity);
  let linkPairs = 0;
  for (const earlierOnly of [true, false]) {
    for (let k = 0; k < keptD.length; k++) {
      if (keptD[k] !== LINK || clusterOf[keptA[k]] !== clusterOf[keptB[k]]) continue;
      if (earlierOnly) linkPairs++;
      for (const [self, other] of [
        [keptB[k], keptA[k]],
        [keptA[k], keptB[k]],
      ]) {
        if (isFirst(self) || (earlierOnly && other > self)) continue;
        if (!earlierOnly && linkPartner[self] >= 0) continue;
        if (keptW[k] > linkWeight[self]) {
          linkWeight[self] = keptW[k];
          linkPartner[self] = other;
        }
      }
    }
  }
  let reviewPairs = 0;
  for (let k = 0; k < keptD.length; k++) {
    if (keptD[k] !== REVIEW || clusterOf[keptA[k]] === clusterOf[keptB[k]]) continue;
    reviewPairs++;
    // The later record carries the task: the earlier one was already registered.
    const earlier = Math.min(keptA[k], keptB[k]);
    const later = Math.max(keptA[k], keptB[k]);
    if (keptW[k] > reviewWeight[later]) {
      reviewWeight[later] = keptW[k];
      reviewPartner[later] = earlier;
    }
  }
  return {
    clusterOf,
    clusters: clusters.clusters,
    clusterStart,
    clusterRecords,
    linkPartner,
    reviewPartner,
    stats: { candidatePairs: cand.a.length, linkPairs, reviewPairs, refusedLinks: clusters.refused.length },
  };
}
