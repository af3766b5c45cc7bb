/** The GraphQL shapes of the steward workflow (names exactly as the API's code-first schema). */

import type { GoldenView } from '@concord/domain';
import type { PageInfo, SourceRecord } from '../../persons/data-access/persons.models';

export type TaskQueue = 'NHS_SHARED' | 'NHS_DUPLICATE' | 'POSSIBLE_DUPLICATE' | 'NHS_TRACE';
export type TaskStatus = 'OPEN' | 'CLAIMED' | 'PENDING_APPROVAL' | 'DEFERRED' | 'RESOLVED';
export type TaskSort = 'PRIORITY' | 'AGE';

export const QUEUES: readonly { id: TaskQueue; label: string; hint: string }[] = [
  {
    id: 'NHS_SHARED',
    label: 'Shared NHS number',
    hint: 'One NHS number held by records whose details disagree',
  },
  { id: 'NHS_DUPLICATE', label: 'Two NHS numbers', hint: 'One person holding two valid NHS numbers' },
  { id: 'POSSIBLE_DUPLICATE', label: 'Possible duplicates', hint: 'Records scored in the review band' },
  { id: 'NHS_TRACE', label: 'Numbers to trace', hint: 'Missing or invalid NHS numbers to trace nationally' },
];

export const STATUSES: readonly { id: TaskStatus; label: string }[] = [
  { id: 'OPEN', label: 'Open' },
  { id: 'CLAIMED', label: 'Claimed' },
  { id: 'PENDING_APPROVAL', label: 'Waiting for approval' },
  { id: 'DEFERRED', label: 'Deferred' },
  { id: 'RESOLVED', label: 'Resolved' },
];

export function queueLabel(queue: string): string {
  return QUEUES.find((q) => q.id === queue)?.label ?? queue;
}

export function statusLabel(status: string): string {
  return STATUSES.find((s) => s.id === status)?.label ?? status;
}

export interface QueueCount {
  queue: TaskQueue;
  open: number;
  claimed: number;
  pendingApproval: number;
  deferred: number;
  overdue: number;
}

export interface PersonBrief {
  id: string;
  status: string;
  golden: GoldenView;
}

export interface RecordBrief {
  id: string;
  sourceSystem: string;
  localId: string;
  nhsNumber: string | null;
  familyName: string | null;
  givenName: string | null;
  dateOfBirth: string | null;
}

export interface ReviewTask {
  id: string;
  queue: TaskQueue;
  status: TaskStatus;
  priority: number;
  score: number;
  matchProbability: number;
  modelVersion: string;
  sourceSystems: string[];
  recordId: string;
  candidatePersonId: string | null;
  assignee: string | null;
  leaseUntil: string | null;
  resolution: string | null;
  reason: string | null;
  note: string | null;
  createdAt: string;
  ageHours: number;
  version: number;
}

export interface TaskListItem extends ReviewTask {
  record: RecordBrief | null;
  candidatePerson: PersonBrief | null;
}

export interface TaskPage {
  totalCount: number;
  nodes: TaskListItem[];
  pageInfo: PageInfo;
}

export interface TaskFilter {
  queue?: TaskQueue | null;
  status?: TaskStatus | null;
  sourceSystem?: string | null;
  /** Only the tasks the signed-in steward holds (claimed, or a merge waiting for approval). */
  mine?: boolean | null;
  minAgeHours?: number | null;
  maxAgeHours?: number | null;
}

/** The age bands the queue list offers, as the hours the API filters on. */
export const AGE_BANDS: readonly {
  id: string;
  label: string;
  minAgeHours: number | null;
  maxAgeHours: number | null;
}[] = [
  { id: '', label: 'Any age', minAgeHours: null, maxAgeHours: null },
  { id: 'today', label: 'Less than a day', minAgeHours: null, maxAgeHours: 24 },
  { id: 'week', label: '1 to 7 days', minAgeHours: 24, maxAgeHours: 168 },
  { id: 'older', label: 'Older than 7 days', minAgeHours: 168, maxAgeHours: null },
];

export interface TasksQuery {
  filter: TaskFilter;
  sort: TaskSort;
  first: number;
  after: string | null;
}

export interface FieldComparison {
  field: string;
  level: string;
  label: string;
  weight: number;
  recordValue: string | null;
  candidateValue: string | null;
}

export interface SafetyRule {
  rule: string;
  description: string;
  effect: string;
}

export interface MatchExplanation {
  prior: number;
  weight: number;
  probability: number;
  grade: string;
  decision: string;
  modelVersion: string;
  comparisons: FieldComparison[];
  rules: SafetyRule[];
}

export interface StandardisedValues {
  nhsNumber: string | null;
  familyName: string | null;
  givenNames: string[];
  dateOfBirth: string | null;
  sex: string;
  postcode: string | null;
  addressTokens: string[];
  phone: string | null;
}

export interface ComparedRecord {
  record: SourceRecord;
  standardised: StandardisedValues;
}

export interface ComparedSide {
  person: PersonBrief | null;
  records: ComparedRecord[];
}

export interface TaskComparison {
  task: ReviewTask;
  recordSide: ComparedSide;
  candidateSide: ComparedSide;
  explanation: MatchExplanation | null;
  keptApart: boolean;
}

export interface StewardOperation {
  id: string;
  kind: string;
  status: string;
  taskId: string | null;
  personId: string;
  otherPersonId: string | null;
  recordIds: string[];
  reason: string;
  approvalReason?: string | null;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  undoneBy: string | null;
  undoneAt: string | null;
}

export interface DecisionResult {
  task: ReviewTask | null;
  operation: StewardOperation | null;
}

export interface LinkHistoryEntry {
  recordId: string;
  sourceSystem: string;
  localId: string;
  type: string;
  score: number | null;
  matchProbability: number | null;
  modelVersion: string | null;
  reason: string;
  createdAt: string;
  createdBy: string;
  endedAt: string | null;
  endedBy: string | null;
}

export interface PersonHistory {
  id: string;
  linkHistory: LinkHistoryEntry[];
  operations: StewardOperation[];
}

export interface SearchInput {
  nhsNumber?: string | null;
  familyName?: string | null;
  givenName?: string | null;
  dateOfBirth?: string | null;
}

export interface SearchResult {
  person: PersonBrief & { records: { id: string; sourceSystem: string }[] };
  score: number;
  matchProbability: number;
  grade: string;
}

/** The decision a steward takes on a task. */
export type Decision = 'same' | 'not-same' | 'defer' | 'traced';
