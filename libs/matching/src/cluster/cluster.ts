/**
 * Clustering of linked pairs into persons: connected components built strongest link
 * first, except that two groups are never joined when the join would put together two
 * records that may not be linked (`forbidden`, e.g. two valid different NHS numbers or the
 * twins pattern). Such a link is refused and goes to review instead, so a chain
 * A–B–C never links A and C behind a steward's back.
 */
export interface ClusterInput {
  /** Number of records. */
  size: number;
  /** Linked pairs (record indices) and their weights. */
  a: ArrayLike<number>;
  b: ArrayLike<number>;
  weight: ArrayLike<number>;
  /** True when records i and j must never share a cluster. */
  forbidden(i: number, j: number): boolean;
  /** Cross-checks above this many record pairs fall back to `conflictKey` only (bounds the cost). */
  maxCrossChecks?: number;
  /** A value two records of one person cannot disagree on (a valid NHS number), or null. */
  conflictKey?(i: number): string | null;
}

export interface ClusterResult {
  /** Cluster number per record, numbered 0.. in order of each cluster's first record. */
  clusterOf: Int32Array;
  clusters: number;
  /** Indices (into the input pairs) of links refused because of a forbidden pair. */
  refused: number[];
}

export function clusterPairs(input: ClusterInput): ClusterResult {
  const { size, a, b, weight } = input;
  const parent = new Int32Array(size);
  for (let i = 0; i < size; i++) parent[i] = i;
  const members = new Map<number, number[]>();
  const keyOf = new Map<number, string | null>();
  const maxCross = input.maxCrossChecks ?? 10_000;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const membersOf = (root: number): number[] => members.get(root) ?? [root];
  const keyOfRoot = (root: number): string | null => {
    if (keyOf.has(root)) return keyOf.get(root) ?? null;
    return input.conflictKey ? input.conflictKey(root) : null;
  };

  const order = Array.from({ length: a.length }, (_, i) => i);
  order.sort((x, y) => weight[y] - weight[x] || x - y);
  const refused: number[] = [];
  for (const p of order) {
    const ra = find(a[p]);
    const rb = find(b[p]);
    if (ra === rb) continue;
    const ka = keyOfRoot(ra);
    const kb = keyOfRoot(rb);
    let ok = !(ka !== null && kb !== null && ka !== kb);
    const ma = membersOf(ra);
    const mb = membersOf(rb);
    if (ok && ma.length * mb.length <= maxCross) {
      outer: for (const i of ma) {
        for (const j of mb) {
          if (input.forbidden(i, j)) {
            ok = false;
            break outer;
          }
        }
      }
    }
    if (!ok) {
      refused.push(p);
      continue;
    }
    const [big, small, bigMembers, smallMembers] = ma.length >= mb.length ? [ra, rb, ma, mb] : [rb, ra, mb, ma];
    parent[small] = big;
    const merged = members.has(big) ? bigMembers : [...bigMembers];
    for (const x of smallMembers) merged.push(x);
    members.set(big, merged);
    members.delete(small);
    keyOf.set(big, ka ?? kb);
    keyOf.delete(small);
  }

  const clusterOf = new Int32Array(size);
  const numberOf = new Map<number, number>();
  for (let i = 0; i < size; i++) {
    const r = find(i);
    let c = numberOf.get(r);
    if (c === undefined) {
      c = numberOf.size;
      numberOf.set(r, c);
    }
    clusterOf[i] = c;
  }
  return { clusterOf, clusters: numberOf.size, refused };
}
