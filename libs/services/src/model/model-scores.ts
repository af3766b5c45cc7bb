import { DataSource } from 'typeorm';
import { MatchModel, scoreAgainstPerson, StandardRecord } from '@concord/matching';

/**
 * What the Model screen draws: a histogram of match weights with both thresholds, and a
 * preview of what a proposed model would do to the open review tasks. Reads only.
 */

export interface HistogramBin {
  /** Match weight (bits) at the bin's lower edge, inclusive. */
  from: number;
  /** Upper edge, exclusive. */
  to: number;
  links: number;
  tasks: number;
}

export interface ScoreHistogram {
  modelVersion: string;
  binWidth: number;
  bins: HistogramBin[];
  /** The thresholds as match weights: log2(p / (1 − p)). */
  linkWeight: number;
  reviewWeight: number;
  totalLinks: number;
  totalTasks: number;
}

export type PreviewOutcome = 'would-link' | 'would-stay' | 'would-drop';

export interface PreviewChange {
  taskId: string;
  taskType: string;
  currentWeight: number;
  currentProbability: number;
  proposedWeight: number;
  proposedProbability: number;
  outcome: PreviewOutcome;
  /** What the current model decides for the task today (an engine change can move it too). */
  currentOutcome: PreviewOutcome;
}

export interface ModelPreview {
  version: string;
  currentVersion: string;
  /** Open tasks with a candidate person that were re-scored. */
  scored: number;
  /** Open tasks whose candidate person has no current record (nothing to score). */
  skipped: number;
  wouldLink: number;
  wouldStay: number;
  wouldDrop: number;
  /** Tasks whose outcome under the proposed model differs from the current model's. */
  changed: number;
  /**
   * The tasks whose outcome would change (`changed` of them), largest weight change first, at
   * most `limit`. A task both models put below review stays out: it is in a queue for a rule
   * (a shared NHS number), not for its score, and the new version does not move it.
   */
  changes: PreviewChange[];
  /** The re-scored tasks' weights: `tasks` under the current model, `links` unused (0). */
  current: ScoreHistogram;
  /** The same tasks under the proposed model. */
  proposed: ScoreHistogram;
}

/** Match weight of a probability: the inverse of 2^w / (1 + 2^w). */
export function weightOfProbability(p: number): number {
  return Math.log2(p / (1 - p));
}

/** Review tasks still in a queue (a preview and the histogram count these). */
export const OPEN_STATUSES = `('open', 'claimed', 'deferred', 'pending-approval')`;

/**
 * What a version would do to the open review tasks: every task with a candidate person is
 * re-scored against that person's current records with the current and the proposed model.
 */
export async function previewTasks(
  dataSource: DataSource,
  current: MatchModel,
  proposed: MatchModel,
  limit: number,
  binWidth: number,
): Promise<ModelPreview> {
  const currentWeights: number[] = [];
  const proposedWeights: number[] = [];
  const changes: PreviewChange[] = [];
  let wouldLink = 0;
  let wouldStay = 0;
  let wouldDrop = 0;
  let skipped = 0;
  let changed = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: Array<{
      id: string;
      type: string;
      record: unknown;
      candidates: unknown;
    }> = await dataSource.query(
      `SELECT t.id, t.type, r.standardised AS record,
              (SELECT json_agg(cr.standardised)
                 FROM link l JOIN source_record cr ON cr.id = l.record_id
                WHERE l.person_id = t.candidate_person_id AND l.ended_at IS NULL) AS candidates
         FROM review_task t JOIN source_record r ON r.id = t.record_id
        WHERE t.status IN ${OPEN_STATUSES} AND t.candidate_person_id IS NOT NULL AND t.id > $1
        ORDER BY t.id
        LIMIT 500`,
      [after],
    );
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id;
    for (const row of rows) {
      const candidates = (parseJson(row.candidates) ?? []) as StandardRecord[];
      if (candidates.length === 0) {
        skipped += 1;
        continue;
      }
      const record = parseJson(row.record) as StandardRecord;
      const before = scoreAgainstPerson(record, candidates, current);
      const next = scoreAgainstPerson(record, candidates, proposed);
      currentWeights.push(before.weight);
      proposedWeights.push(next.weight);
      const outcome = outcomeOf(next.decision);
      const currentOutcome = outcomeOf(before.decision);
      if (outcome !== currentOutcome) changed += 1;
      if (outcome === 'would-link') wouldLink += 1;
      else if (outcome === 'would-stay') wouldStay += 1;
      else wouldDrop += 1;
      if (outcome !== currentOutcome)
        changes.push({
          taskId: row.id,
          taskType: row.type,
          currentWeight: before.weight,
          currentProbability: before.probability,
          proposedWeight: next.weight,
          proposedProbability: next.probability,
          outcome,
          currentOutcome,
        });
    }
  }
  changes.sort(
    (a, b) => Math.abs(b.proposedWeight - b.currentWeight) - Math.abs(a.proposedWeight - a.currentWeight),
  );
  return {
    version: proposed.version,
    currentVersion: current.version,
    scored: currentWeights.length,
    skipped,
    wouldLink,
    wouldStay,
    wouldDrop,
    changed,
    changes: changes.slice(0, limit),
    current: binWeights(current, [], currentWeights, binWidth),
    proposed: binWeights(proposed, [], proposedWeights, binWidth),
  };
}

/** Match weights of the current links (those made with a score) and of the open tasks. */
export async function scoreHistogram(
  dataSource: DataSource,
  model: MatchModel,
  w: number,
): Promise<ScoreHistogram> {
  const links: Array<{ bin: number; n: number }> = await dataSource.query(
    `SELECT floor(score / $1)::int AS bin, count(*)::int AS n FROM link
      WHERE ended_at IS NULL AND score IS NOT NULL AND reason <> 'new-person' GROUP BY 1`,
    [w],
  );
  const tasks: Array<{ bin: number; n: number }> = await dataSource.query(
    `SELECT floor(score / $1)::int AS bin, count(*)::int AS n FROM review_task
      WHERE status IN ${OPEN_STATUSES} AND candidate_person_id IS NOT NULL GROUP BY 1`,
    [w],
  );
  return binCounts(model, links, tasks, w);
}

function binWeights(
  model: MatchModel,
  linkWeights: number[],
  taskWeights: number[],
  w: number,
): ScoreHistogram {
  const count = (weights: number[]) => {
    const m = new Map<number, number>();
    for (const x of weights) {
      const b = Math.floor(x / w);
      m.set(b, (m.get(b) ?? 0) + 1);
    }
    return [...m].map(([bin, n]) => ({ bin, n }));
  };
  return binCounts(model, count(linkWeights), count(taskWeights), w);
}

function binCounts(
  model: MatchModel,
  links: Array<{ bin: number; n: number }>,
  tasks: Array<{ bin: number; n: number }>,
  w: number,
): ScoreHistogram {
  const linkWeight = weightOfProbability(model.thresholds.link);
  const reviewWeight = weightOfProbability(model.thresholds.review);
  const all = [...links, ...tasks].map((r) => Number(r.bin));
  // The range always shows both thresholds.
  all.push(Math.floor(linkWeight / w), Math.floor(reviewWeight / w));
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const bins: HistogramBin[] = [];
  for (let b = lo; b <= hi; b++) bins.push({ from: b * w, to: (b + 1) * w, links: 0, tasks: 0 });
  for (const r of links) bins[Number(r.bin) - lo].links += Number(r.n);
  for (const r of tasks) bins[Number(r.bin) - lo].tasks += Number(r.n);
  return {
    modelVersion: model.version,
    binWidth: w,
    bins,
    linkWeight,
    reviewWeight,
    totalLinks: links.reduce((s, r) => s + Number(r.n), 0),
    totalTasks: tasks.reduce((s, r) => s + Number(r.n), 0),
  };
}

function outcomeOf(decision: string): PreviewOutcome {
  return decision === 'link' ? 'would-link' : decision === 'review' ? 'would-stay' : 'would-drop';
}

/** jsonb comes back parsed from one driver and as text from another. */
export function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}
