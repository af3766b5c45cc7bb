// Scratch rows reused across calls: the batch path calls this for millions of pairs, and
// allocating three arrays per call cost more than the arithmetic (~4 s of 4.6 M NHS-number
// comparisons at 1 M persons, most of it garbage collection).
// Math's functions are taken once, at module level: under jest every test file runs in a vm
// sandbox, where each lookup of a global such as Math goes through an interceptor that the
// optimiser cannot see through, and these loops ran about 8x slower than in plain Node.
const { abs, ceil, min } = Math;
let rows = new Int32Array(3 * 64);
const histogram = new Int32Array(128);

/**
 * Optimal-string-alignment (restricted Damerau-Levenshtein) distance, cut off at `max`:
 * returns max + 1 when the distance exceeds max. One substitution, insertion, deletion or
 * adjacent transposition counts 1. Identifiers are short (≤ 20 chars), so a banded
 * three-row DP with early exit is enough; fast-levenshtein lacks transpositions.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (abs(la - lb) > max) return max + 1;
  if (histogramDistance(a, b) > 2 * max) return max + 1;
  const w = lb + 1;
  if (rows.length < 3 * w) rows = new Int32Array(3 * w);
  let prev2 = 0;
  let prev = w;
  let cur = 2 * w;
  const r = rows;
  for (let j = 0; j <= lb; j++) {
    r[prev + j] = j;
    r[prev2 + j] = 0;
  }
  for (let i = 1; i <= la; i++) {
    r[cur] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = min(r[prev + j] + 1, r[cur + j - 1] + 1, r[prev + j - 1] + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = min(v, r[prev2 + j - 2] + 1);
      r[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return min(r[prev + lb], max + 1);
}

/**
 * Half the L1 distance of the two strings' character histograms, rounded up, is a lower
 * bound of the OSA distance (a substitution changes it by at most 2, an insertion or
 * deletion by 1, a transposition by 0). Random identifiers and dates fail it at once, so
 * the DP runs only for near misses. Characters beyond ASCII are left out, which keeps it a
 * lower bound.
 */
function histogramDistance(a: string, b: string): number {
  const h = histogram;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    if (c < 128) h[c]++;
  }
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    if (c < 128) h[c]--;
  }
  let l1 = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    if (c < 128) {
      l1 += abs(h[c]);
      h[c] = 0;
    }
  }
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    if (c < 128) {
      l1 += abs(h[c]);
      h[c] = 0;
    }
  }
  return ceil(l1 / 2);
}

/** Number of positions at which two equal-length strings differ (-1 when lengths differ). */
export function hamming(a: string, b: string): number {
  if (a.length !== b.length) return -1;
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) d++;
  return d;
}
