/** The GraphQL shapes the dashboard reads (names exactly as the API's code-first schema). */

export interface QueueSizeDay {
  day: string;
  queues: { queue: string; open: number }[];
}

export interface TaskFlowDay {
  day: string;
  created: number;
  resolved: number;
}

export interface Turnaround {
  resolvedCount: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface AutoLinkRate {
  registrationLinks: number;
  autoLinks: number;
  rate: number | null;
}

export interface SourceQuality {
  sourceSystem: string;
  records: number;
  invalidNhsNumber: number;
  missingNhsNumber: number;
  duplicateRecords: number;
  duplicateRate: number;
}

export interface IndexInsight {
  from: string;
  to: string;
  days: number;
  queueSizes: QueueSizeDay[];
  flow: TaskFlowDay[];
  turnaround: Turnaround;
  autoLink: AutoLinkRate;
  sourceQuality: SourceQuality[];
}
