import { createReadStream } from 'node:fs';
import { CsvParser, CsvRow } from '@concord/domain';

/** A labelled pair of different persons who look alike (data-fixtures relations.csv). */
export interface RelationPair {
  a: string;
  b: string;
  relation: string;
}

/** Reads relations.csv (`person_key_a,person_key_b,relation`). */
export async function readRelations(path: string): Promise<RelationPair[]> {
  const parser = new CsvParser();
  const out: RelationPair[] = [];
  let header: string[] | null = null;
  const cols = [0, 1, 2];
  const take = (rows: CsvRow[]) => {
    for (const row of rows) {
      if (header === null) {
        header = row.fields.map((f) => f.trim().toLowerCase().replace(/^\uFEFF/, ''));
        ['person_key_a', 'person_key_b', 'relation'].forEach((name, i) => (cols[i] = (header as string[]).indexOf(name)));
        if (cols.some((c) => c < 0)) throw new Error(`${path}: the header needs person_key_a, person_key_b and relation`);
        continue;
      }
      if (row.fields.length < 3) continue;
      out.push({ a: row.fields[cols[0]].trim(), b: row.fields[cols[1]].trim(), relation: row.fields[cols[2]].trim() });
    }
  };
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) take(parser.push(chunk as string));
  take(parser.end());
  return out;
}

/** Per relation: labelled person pairs, those with any record pair auto-linked, and the record pairs auto-linked. */
export interface RelationCounts {
  personPairs: number;
  linkedPersonPairs: number;
  linkedRecordPairs: number;
}

/**
 * How many look-alike pairs of different persons ended in one output cluster (an auto-link,
 * direct or transitive). The patient-safety figure: the target is zero for every relation.
 */
export function relationLinks(relations: RelationPair[], personOf: string[], clusterOf: ArrayLike<number>): Record<string, RelationCounts> {
  const recordsOf = new Map<string, number[]>();
  for (let i = 0; i < personOf.length; i++) {
    const list = recordsOf.get(personOf[i]);
    if (list) list.push(i);
    else recordsOf.set(personOf[i], [i]);
  }
  const out: Record<string, RelationCounts> = {};
  for (const { a, b, relation } of relations) {
    const counts = (out[relation] ??= { personPairs: 0, linkedPersonPairs: 0, linkedRecordPairs: 0 });
    counts.personPairs++;
    let linked = 0;
    for (const x of recordsOf.get(a) ?? []) for (const y of recordsOf.get(b) ?? []) if (clusterOf[x] === clusterOf[y]) linked++;
    counts.linkedRecordPairs += linked;
    if (linked > 0) counts.linkedPersonPairs++;
  }
  return out;
}
