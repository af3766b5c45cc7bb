import type { PersonEntity } from '@concord/persistence';
import type { PersonRecordView } from '@concord/services';
import { Person, SourceRecord } from './person.models';

/** Entities stay in persistence; the GraphQL schema sees these models only. */
export function toPerson(entity: PersonEntity): Person {
  return {
    id: entity.id,
    status: entity.status,
    successorId: entity.successorId,
    golden: entity.golden,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

export function toSourceRecord({ record, link }: PersonRecordView): SourceRecord {
  const raw = record.raw;
  return {
    id: record.id,
    sourceSystem: record.sourceSystem,
    localId: record.localId,
    nhsNumber: record.nhsNumber,
    nhsNumberStatus: record.nhsNumberStatus,
    familyName: raw.familyName ?? null,
    givenName: raw.givenName ?? null,
    otherGivenNames: raw.otherGivenNames ?? null,
    dateOfBirth: record.dateOfBirth,
    sex: raw.sex ?? null,
    postcode: raw.postcode ?? null,
    addressLine: raw.addressLine ?? null,
    phone: raw.phone ?? null,
    email: raw.email ?? null,
    flags: record.flags,
    link: {
      type: link.type,
      score: link.score,
      matchProbability: link.matchProbability,
      modelVersion: link.modelVersion,
      linkedAt: link.createdAt.toISOString(),
      linkedBy: link.createdBy,
    },
  };
}
