/**
 * Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4), in [0, 1], symmetric.
 *
 * Written here rather than taken from `natural`: natural's JaroWinklerDistance builds
 * arrays of characters and strings per call and measured about 10x slower on short
 * names (≈ 1.0 µs against ≈ 0.1 µs per pair on this machine), which matters in the batch
 * hot loop. This version works on char codes with two reusable flag buffers.
 */
// Taken once: see compare/edit.ts on globals inside jest's sandbox.
const { max, min } = Math;
let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (la > flagsA.length || lb > flagsB.length) {
    flagsA = new Uint8Array(max(la, lb) * 2);
    flagsB = new Uint8Array(max(la, lb) * 2);
  }
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const range = max(0, (max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = max(0, i - range);
    const hi = min(lb - 1, i + range);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === c) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let k = 0;
  let transpositions = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  const maxPrefix = min(4, la, lb);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
