/** The GraphQL shapes the persons feature reads (names exactly as the API's code-first schema). */

import type { GoldenView, NhsNumberStatus } from '@concord/domain';

export type { GoldenView, NhsNumberStatus };
export type PersonStatus = 'active' | 'retired';

export interface PageInfo {
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface PersonSummary {
  id: string;
  status: string;
  updatedAt: string;
  golden: GoldenView;
  records: { id: string; sourceSystem: string }[];
}

export interface PersonPage {
  totalCount: number;
  nodes: PersonSummary[];
  pageInfo: PageInfo;
}

export interface Link {
  type: string;
  score: number | null;
  matchProbability: number | null;
  modelVersion: string | null;
  linkedAt: string;
  linkedBy: string;
}

export interface SourceRecord {
  id: string;
  sourceSystem: string;
  localId: string;
  nhsNumber: string | null;
  nhsNumberStatus: string;
  familyName: string | null;
  givenName: string | null;
  otherGivenNames: string | null;
  dateOfBirth: string | null;
  sex: string | null;
  postcode: string | null;
  addressLine: string | null;
  phone: string | null;
  email: string | null;
  flags: string[];
  link: Link | null;
}

export interface PersonDetail {
  id: string;
  status: string;
  successorId: string | null;
  golden: GoldenView;
  records: SourceRecord[];
  createdAt: string;
  updatedAt: string;
}

export interface PersonsQuery {
  first: number;
  after: string | null;
  search: string | null;
}
