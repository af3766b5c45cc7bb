import { randomUUID } from 'node:crypto';
import { classifyNhsNumber, SourceRecordInput } from '@concord/domain';
import { blockingKeys, MatchModel, PairScore, scorePair, StandardRecord } from '@concord/matching';
import { goldenView } from '../golden/golden-view';
import { BulkPlan } from './bulk-plan';
import { BulkChunk, emptyChunk } from './bulk-writer';
import { explanationOf, queueFor, taskPriority } from '../steward/task-opening';

/** One accepted, normalised row of the file (first occurrence of its identity). */
export interface BulkRecord {
  line: number;
  sourceSystem: string;
  localId: string;
  demographics: SourceRecordInput;
  contentHash: string;
  standardised: StandardRecord;
}

export interface ChunkContext {
  records: BulkRecord[];
  plan: BulkPlan;
  model: MatchModel;
  /** Person id of every cluster (new ones assigned up front, existing ones from the database). */
  personOf: Array<string | undefined>;
  /** Record id of every record written now or before (undefined: left to the per-record path). */
  recordIds: Array<string | undefined>;
  /**
   * Review tasks each cluster writes, as [record, partner record] indices: the record's
   * task about the partner's person, written with the later of the two persons so both rows exist.
   */
  reviewsOwnedBy: Map<number, Array<[number, number]>>;
}

export interface ChunkTally {
  persons: number;
  records: number;
  new: number;
  linked: number;
  review: number;
}

/**
 * Builds the rows of whole persons (clusters) exactly as RegistrationService would have
 * written them one record at a time: the same standardised jsonb, flags, NHS number state,
 * content hash, link reasons, explanations, golden view and change events.
 */
export function buildChunk(
  ctx: ChunkContext,
  clusters: number[],
  now: Date,
): { chunk: BulkChunk; tally: ChunkTally } {
  const { records, plan, model, personOf } = ctx;
  const chunk = emptyChunk();
  const tally: ChunkTally = { persons: 0, records: 0, new: 0, linked: 0, review: 0 };
  for (const c of clusters) {
    const personId = personOf[c] as string;
    const members = plan.clusterRecords.subarray(plan.clusterStart[c], plan.clusterStart[c + 1]);
    const golden: Parameters<typeof goldenView>[0] = [];
    tally.persons++;
    for (let m = 0; m < members.length; m++) {
      const i = members[m];
      const r = records[i];
      const recordId = ctx.recordIds[i] as string;
      const nhs = classifyNhsNumber(r.demographics.nhsNumber);
      const s = r.standardised;
      // One millisecond apart in file order: survivorship ties go to the later record, as
      // they do when the file is registered one record at a time.
      const at = new Date(now.getTime() + i);
      const dob = s.dob ? `${s.dob.slice(0, 4)}-${s.dob.slice(4, 6)}-${s.dob.slice(6, 8)}` : null;
      chunk.records.push({
        id: recordId,
        sys: r.sourceSystem,
        lid: r.localId,
        raw: r.demographics,
        std: s,
        nhs: nhs.digits || null,
        nhs_status: nhs.status,
        fam: s.familyName,
        dob,
        flags: s.flags,
        hash: r.contentHash,
        at: at.toISOString(),
      });
      golden.push({
        raw: r.demographics,
        sourceSystem: r.sourceSystem,
        nhsNumber: nhs.digits || null,
        nhsNumberStatus: nhs.status,
        dateOfBirth: dob,
        flags: s.flags,
        updatedAt: at,
      });
      for (const key of blockingKeys(s, model)) chunk.keys.push({ rid: recordId, key });
      let score: PairScore | null = null;
      let reason: string;
      if (m === 0) {
        const doubtful = plan.reviewPartner[i] >= 0;
        reason = doubtful ? 'review' : 'new-person';
        if (doubtful) score = scorePair(s, records[plan.reviewPartner[i]].standardised, model);
        tally[doubtful ? 'review' : 'new']++;
        pushEvent(chunk, 'created', personId, null, {});
      } else {
        reason = 'auto-link';
        score = scorePair(s, records[plan.linkPartner[i]].standardised, model);
        tally.linked++;
      }
      chunk.links.push({
        rid: recordId,
        pid: personId,
        score: score ? round(score.weight) : null,
        prob: score ? score.probability : null,
        // The model decided a new person too: its version is on every link.
        mv: score ? score.modelVersion : model.version,
        expl: score ? explanationOf(score) : null,
        reason,
      });
      pushEvent(chunk, 'linked', personId, recordId, { sourceSystem: r.sourceSystem, localId: r.localId });
      if (nhs.status !== 'valid') addTrace(chunk, recordId, r.sourceSystem);
      tally.records++;
    }
    // Version as the real-time path leaves it: created at 1, one golden refresh per linked record.
    chunk.persons.push({ id: personId, golden: goldenView(golden), version: 1 + members.length });
  }
  for (const c of clusters)
    for (const [i, partner] of ctx.reviewsOwnedBy.get(c) ?? []) addReview(ctx, chunk, i, partner);
  return { chunk, tally };
}

/**
 * The record's task about the partner's person, in the queue the per-record path would
 * choose (`queueFor`): a pair the NHS-number conflict rule held back is a duplicate
 * registration, a pair sharing one valid number may be two people sharing it, anything
 * else is a possible duplicate. The task names the source systems of both sides.
 */
function addReview(ctx: ChunkContext, chunk: BulkChunk, i: number, partner: number) {
  const { records, plan, model, personOf } = ctx;
  const recordId = ctx.recordIds[i];
  const partnerCluster = plan.clusterOf[partner];
  const candidatePersonId = personOf[partnerCluster];
  // A record or person left to the per-record path: that path makes its own decision.
  if (!recordId || !candidatePersonId) return;
  const score = scorePair(records[i].standardised, records[partner].standardised, model);
  const members = plan.clusterRecords.subarray(
    plan.clusterStart[partnerCluster],
    plan.clusterStart[partnerCluster + 1],
  );
  const candidate = {
    personId: candidatePersonId,
    score,
    records: Array.from(members, (m) => ({ recordId: '', standardised: records[m].standardised })),
  };
  const type = queueFor(records[i].standardised, candidate) ?? 'possible-duplicate';
  const systems = new Set([records[i].sourceSystem]);
  for (const m of members) systems.add(records[m].sourceSystem);
  chunk.reviews.push({
    id: randomUUID(),
    type,
    rid: recordId,
    pid: candidatePersonId,
    sys: [...systems].sort(),
    score: round(score.weight),
    prob: score.probability,
    prio: taskPriority(type, score.probability),
    expl: explanationOf(score),
    mv: score.modelVersion,
  });
}

/** A record without a valid NHS number goes to the tracing queue, as in the per-record path. */
function addTrace(chunk: BulkChunk, recordId: string, sourceSystem: string) {
  chunk.reviews.push({
    id: randomUUID(),
    type: 'nhs-trace',
    rid: recordId,
    pid: null,
    sys: [sourceSystem],
    score: 0,
    prob: 0,
    prio: taskPriority('nhs-trace', null),
    expl: {},
    mv: '',
  });
}

function pushEvent(
  chunk: BulkChunk,
  type: string,
  personId: string,
  recordId: string | null,
  payload: object,
) {
  chunk.events.push({ type, pid: personId, rid: recordId, payload });
}

function round(weight: number): number {
  return Math.round(weight * 1000) / 1000;
}

/**
 * The review tasks of a load as [record, partner record] pairs, each written with the later
 * of its two persons so both rows exist: every record's most doubtful earlier partner, and,
 * as the per-record path opens them, a task for every earlier person holding the same valid
 * NHS number without being linked (two people sharing a number, or one registered twice).
 */
export function reviewTasksByOwner(
  records: BulkRecord[],
  plan: BulkPlan,
): Map<number, Array<[number, number]>> {
  const owned = new Map<number, Array<[number, number]>>();
  const add = (i: number, partner: number) => {
    const owner = Math.max(plan.clusterOf[i], plan.clusterOf[partner]);
    const list = owned.get(owner);
    if (list) list.push([i, partner]);
    else owned.set(owner, [[i, partner]]);
  };
  const byNumber = new Map<string, number[]>();
  for (let i = 0; i < records.length; i++) {
    const s = records[i].standardised;
    if (plan.reviewPartner[i] >= 0) add(i, plan.reviewPartner[i]);
    if (!s.nhsValid || s.nhs === null) continue;
    const holders = byNumber.get(s.nhs);
    if (holders) holders.push(i);
    else byNumber.set(s.nhs, [i]);
  }
  for (const holders of byNumber.values()) {
    if (holders.length < 2) continue;
    for (let k = 1; k < holders.length; k++) {
      const i = holders[k];
      const seen = new Set([plan.clusterOf[i]]);
      if (plan.reviewPartner[i] >= 0) seen.add(plan.clusterOf[plan.reviewPartner[i]]);
      for (let e = 0; e < k; e++) {
        const j = holders[e];
        if (seen.has(plan.clusterOf[j])) continue;
        seen.add(plan.clusterOf[j]);
        add(i, j);
      }
    }
  }
  return owned;
}
