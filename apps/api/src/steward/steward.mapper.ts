import type { PairScore, StandardRecord } from '@concord/matching';
import type { ReviewTaskEntity, SourceRecordEntity, StewardOperationEntity } from '@concord/persistence';
import type {
  ComparedSide as ServiceSide,
  LinkHistoryEntry as ServiceLinkEntry,
  TaskComparison as ServiceComparison,
} from '@concord/services';
import { toPerson, toSourceRecord } from '../persons/person.mapper';
import {
  ComparedRecord,
  ComparedSide,
  LinkHistoryEntry,
  MatchExplanation,
  ReviewTask,
  StandardisedValues,
  StewardOperation,
  TaskComparison,
  TaskQueue,
  TaskStatus,
} from './steward.models';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export function toReviewTask(task: ReviewTaskEntity): ReviewTask {
  return {
    id: task.id,
    queue: task.type as TaskQueue,
    status: task.status as TaskStatus,
    priority: task.priority,
    score: task.score,
    matchProbability: task.matchProbability,
    modelVersion: task.modelVersion,
    sourceSystems: task.sourceSystems,
    recordId: task.recordId,
    candidatePersonId: task.candidatePersonId,
    assignee: task.assignee,
    leaseUntil: iso(task.leaseUntil),
    resolution: task.resolution,
    reason: task.reason,
    note: task.note,
    resolvedAt: iso(task.resolvedAt),
    resolvedBy: task.resolvedBy,
    createdAt: task.createdAt.toISOString(),
    ageHours: Math.round(((Date.now() - task.createdAt.getTime()) / 3_600_000) * 10) / 10,
    version: task.version,
  };
}

export function toOperation(operation: StewardOperationEntity): StewardOperation {
  return {
    id: operation.id,
    kind: operation.kind,
    status: operation.status,
    taskId: operation.taskId,
    personId: operation.personId,
    otherPersonId: operation.otherPersonId,
    recordIds: operation.recordIds,
    reason: operation.reason,
    approvalReason: operation.approvalReason,
    requestedBy: operation.requestedBy,
    requestedAt: operation.requestedAt.toISOString(),
    decidedBy: operation.decidedBy,
    decidedAt: iso(operation.decidedAt),
    undoneBy: operation.undoneBy,
    undoneAt: iso(operation.undoneAt),
  };
}

export function toStandardised(s: StandardRecord): StandardisedValues {
  return {
    nhsNumber: s.nhs,
    familyName: s.familyName,
    givenNames: s.givenTokens,
    dateOfBirth: s.dob ? `${s.dob.slice(0, 4)}-${s.dob.slice(4, 6)}-${s.dob.slice(6, 8)}` : null,
    sex: s.sex,
    postcode: s.postcode,
    addressTokens: s.addressTokens,
    phone: s.phone,
  };
}

function toComparedRecord(record: SourceRecordEntity, side: ServiceSide): ComparedRecord {
  const view = side.links.get(record.id);
  return {
    record: toSourceRecord({ record, link: view as NonNullable<typeof view> }),
    standardised: toStandardised(record.standardised as StandardRecord),
  };
}

export function toExplanation(score: PairScore, grade: string): MatchExplanation {
  return {
    prior: score.prior,
    weight: score.weight,
    probability: score.probability,
    decision: score.decision,
    grade,
    modelVersion: score.modelVersion,
    comparisons: score.comparisons.map((c) => ({
      field: c.field,
      level: c.level,
      label: c.label,
      weight: c.weight,
      m: c.m,
      u: c.u,
      recordValue: c.valueA,
      candidateValue: c.valueB,
      termFrequencyAdjusted: c.tfAdjusted,
    })),
    rules: score.rules.map((r) => ({ rule: r.rule, description: r.description, effect: r.effect })),
  };
}

export function toComparison(c: ServiceComparison): TaskComparison {
  const side = (s: ServiceSide): ComparedSide => ({
    person: s.person ? toPerson(s.person) : null,
    records: s.records.map((r) => toComparedRecord(r, s)),
  });
  return {
    task: toReviewTask(c.task),
    recordSide: side(c.recordSide),
    candidateSide: side(c.candidateSide),
    explanation: c.score && c.grade ? toExplanation(c.score, c.grade) : null,
    keptApart: c.keptApart,
  };
}

export function toLinkHistory(entry: ServiceLinkEntry): LinkHistoryEntry {
  return { ...entry, createdAt: entry.createdAt.toISOString(), endedAt: iso(entry.endedAt) };
}
