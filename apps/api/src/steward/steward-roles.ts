import type { Role } from '@concord/persistence';

/** Who reads the queues (auditors included: they read, never change). */
export const QUEUE_READERS: Role[] = ['steward', 'senior-steward', 'auditor'];
/** Who works tasks: claims, decisions, splits. */
export const STEWARDS: Role[] = ['steward', 'senior-steward'];
/** Who approves four-eyes merges and undoes operations. */
export const SENIOR_STEWARDS: Role[] = ['senior-steward'];
