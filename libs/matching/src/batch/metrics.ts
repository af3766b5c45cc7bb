/**
 * Pairwise accuracy of a clustering against truth, every true pair counted (a pair missed
 * by blocking is a false negative like any other). Predicted auto-links are all pairs of
 * records in the same output cluster (so transitive links count). A true pair counts as
 * found by "link + review" when both records share a cluster, or when a review pair joins
 * their two clusters.
 */
export interface PairwiseMetrics {
  truePairs: number;
  predictedPairs: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
  linkOrReviewRecall: number;
  reviewPairs: number;
}

const pairs = (k: number) => (k * (k - 1)) / 2;

export function pairwiseMetrics(
  clusterOf: ArrayLike<number>,
  truthOf: ArrayLike<number>,
  review: { a: ArrayLike<number>; b: ArrayLike<number> },
): PairwiseMetrics {
  const n = clusterOf.length;
  const clusterSize = new Map<number, number>();
  const truthSize = new Map<number, number>();
  const cell = new Map<string, number>();
  const truthMembers = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    clusterSize.set(clusterOf[i], (clusterSize.get(clusterOf[i]) ?? 0) + 1);
    truthSize.set(truthOf[i], (truthSize.get(truthOf[i]) ?? 0) + 1);
    const key = `${clusterOf[i]}|${truthOf[i]}`;
    cell.set(key, (cell.get(key) ?? 0) + 1);
    const m = truthMembers.get(truthOf[i]);
    if (m) m.push(i);
    else truthMembers.set(truthOf[i], [i]);
  }
  let predicted = 0;
  for (const s of clusterSize.values()) predicted += pairs(s);
  let truePairs = 0;
  for (const s of truthSize.values()) truePairs += pairs(s);
  let tp = 0;
  for (const s of cell.values()) tp += pairs(s);

  const reviewClusters = new Set<string>();
  for (let k = 0; k < review.a.length; k++) {
    const x = clusterOf[review.a[k]];
    const y = clusterOf[review.b[k]];
    if (x !== y) reviewClusters.add(x < y ? `${x}|${y}` : `${y}|${x}`);
  }
  let reviewFound = 0;
  for (const members of truthMembers.values()) {
    if (members.length < 2) continue;
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const x = clusterOf[members[i]];
        const y = clusterOf[members[j]];
        if (x !== y && reviewClusters.has(x < y ? `${x}|${y}` : `${y}|${x}`)) reviewFound++;
      }
    }
  }
  const precision = predicted === 0 ? 1 : tp / predicted;
  const recall = truePairs === 0 ? 1 : tp / truePairs;
  return {
    truePairs,
    predictedPairs: predicted,
    truePositives: tp,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    linkOrReviewRecall: truePairs === 0 ? 1 : (tp + reviewFound) / truePairs,
    reviewPairs: review.a.length,
  };
}
