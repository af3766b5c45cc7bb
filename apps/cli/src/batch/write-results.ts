import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { csvField } from '@concord/domain';
import { DECISION_LINK, DedupeResult } from '@concord/matching';
import { Rows } from './registrations';

/** Buffered writer: joins lines into ~1 MB blocks so that a million rows cost a few hundred writes. */
class BlockWriter {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  line(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.parts.length > 0) writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export function personId(cluster: number): string {
  return `P${String(cluster + 1).padStart(7, '0')}`;
}

/**
 * DIR/clusters.csv (`record_id,person_id`, every accepted row once, in file order: a row
 * superseded by a later update gets its registration's person) and DIR/pairs.csv (link and
 * review pairs of the registrations, `ids`).
 */
export function writeResults(dir: string, ids: string[], rows: Rows, result: DedupeResult): void {
  mkdirSync(dir, { recursive: true });
  const clusters = new BlockWriter(join(dir, 'clusters.csv'));
  clusters.line('record_id,person_id\n');
  const of = rows.registrationOf;
  for (let r = 0; r < rows.ids.length; r++) {
    clusters.line(`${csvField(rows.ids[r])},${personId(result.clusterOf[of === null ? r : of[r]])}\n`);
  }
  clusters.close();
  const pairs = new BlockWriter(join(dir, 'pairs.csv'));
  pairs.line('record_id_a,record_id_b,match_weight,match_probability,decision\n');
  for (let k = 0; k < result.pairA.length; k++) {
    const w = result.pairWeight[k];
    const p = Math.pow(2, w) / (1 + Math.pow(2, w));
    pairs.line(
      `${csvField(ids[result.pairA[k]])},${csvField(ids[result.pairB[k]])},${w.toFixed(4)},${(Number.isFinite(p) ? p : 1).toPrecision(8)},${
        result.pairDecision[k] === DECISION_LINK ? 'link' : 'review'
      }\n`,
    );
  }
  pairs.close();
}
