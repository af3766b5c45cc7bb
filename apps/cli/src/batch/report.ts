import { DedupeResult } from '@concord/matching';

/** Blocking statistics on stderr: pairs per rule, oversized blocks skipped (never silently). */
export function reportBlocking(result: DedupeResult): void {
  const s = result.stats;
  const rules = s.perRule.map((r) => `${r.rule} ${r.pairs}`).join(', ');
  process.stderr.write(`blocking: ${s.candidatePairs} candidate pairs (${rules})\n`);
  if (s.oversized.length > 0) {
    const shown = s.oversized
      .slice(0, 5)
      .map((o) => `${o.key} (${o.size})`)
      .join(', ');
    process.stderr.write(`blocking: ${s.oversized.length} oversized blocks skipped, e.g. ${shown}\n`);
  }
  if (s.training) {
    const em = s.training.em;
    process.stderr.write(
      `estimate: EM ${em.converged ? 'converged' : 'stopped'} after ${em.iterations} iterations; prior ${result.model.prior.toExponential(3)}\n`,
    );
  }
  process.stderr.write(`timings ms: ${JSON.stringify(s.timings)}\n`);
}
