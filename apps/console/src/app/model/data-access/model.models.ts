export interface ModelLevel {
  id: string;
  label: string;
  m: number;
  u: number;
  /** log2(m/u), in bits. */
  weight: number;
}

export interface ModelField {
  field: string;
  termFrequency: boolean;
  levels: ModelLevel[];
}

export interface MatchModelView {
  version: string;
  description: string | null;
  prior: number;
  priorWeight: number;
  thresholds: { link: number; review: number; linkWeight: number; reviewWeight: number };
  fields: ModelField[];
  blockingRules: { name: string; on: string[]; maxBlockSize: number | null }[];
  maxBlockSize: number;
  document: string;
}

export interface ModelVersion {
  version: string;
  status: string;
  shipped: boolean;
  current: boolean;
  description: string | null;
  createdBy: string | null;
  createdAt: string | null;
  activatedBy: string | null;
  activatedAt: string | null;
}

export interface ScoreBin {
  from: number;
  to: number;
  links: number;
  tasks: number;
}

export interface ScoreHistogram {
  modelVersion: string;
  binWidth: number;
  bins: ScoreBin[];
  linkWeight: number;
  reviewWeight: number;
  totalLinks: number;
  totalTasks: number;
}

export interface PreviewChange {
  taskId: string;
  taskType: string;
  currentWeight: number;
  currentProbability: number;
  proposedWeight: number;
  proposedProbability: number;
  outcome: string;
  currentOutcome: string;
}

export interface ModelPreview {
  version: string;
  currentVersion: string;
  scored: number;
  skipped: number;
  wouldLink: number;
  wouldStay: number;
  wouldDrop: number;
  changed: number;
  changes: PreviewChange[];
  current: ScoreHistogram;
  proposed: ScoreHistogram;
}

/** The Model screen's read: the model in use, its versions and the current score histogram. */
export interface ModelOverview {
  matchModel: MatchModelView;
  modelVersions: ModelVersion[];
  scoreHistogram: ScoreHistogram;
}
