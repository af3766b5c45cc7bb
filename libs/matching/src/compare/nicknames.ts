import { NICKNAME_PAIRS } from '../data/nicknames';

let pairs: Set<string> | null = null;

/** True when one given name is a listed nickname of the other (ROBERT/BOB), in either direction. */
export function isNicknamePair(a: string, b: string): boolean {
  if (pairs === null) {
    pairs = new Set<string>();
    for (const p of NICKNAME_PAIRS.split('|')) {
      const [x, y] = p.split(':');
      pairs.add(`${x}|${y}`);
      pairs.add(`${y}|${x}`);
    }
  }
  return pairs.has(`${a}|${b}`);
}
