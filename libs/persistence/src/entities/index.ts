import { AppSettingEntity, AppUserEntity, ApiKeyEntity } from './access.entity';
import { AuditEventEntity, AuditHeadEntity } from './audit-event.entity';
import { BlockingKeyEntity } from './blocking-key.entity';
import { ChangeEventEntity, EventSequenceEntity } from './change-event.entity';
import { LinkEntity } from './link.entity';
import { MatchModelEntity } from './match-model.entity';
import { PersonEntity } from './person.entity';
import { ReviewTaskEntity } from './review-task.entity';
import { SourceRecordVersionEntity } from './source-record-version.entity';
import { SourceRecordEntity } from './source-record.entity';
import { KeptApartEntity, StewardOperationEntity } from './steward.entity';
import { TermFrequencyEntity } from './term-frequency.entity';

export * from './access.entity';
export * from './audit-event.entity';
export * from './blocking-key.entity';
export * from './change-event.entity';
export * from './link.entity';
export * from './match-model.entity';
export * from './person.entity';
export * from './review-task.entity';
export * from './source-record-version.entity';
export * from './source-record.entity';
export * from './steward.entity';
export * from './term-frequency.entity';

/** Every entity of the schema; the migrations must describe exactly these. */
export const ENTITIES = [
  PersonEntity,
  SourceRecordEntity,
  SourceRecordVersionEntity,
  LinkEntity,
  BlockingKeyEntity,
  ChangeEventEntity,
  EventSequenceEntity,
  AppUserEntity,
  ApiKeyEntity,
  AppSettingEntity,
  ReviewTaskEntity,
  AuditEventEntity,
  AuditHeadEntity,
  KeptApartEntity,
  StewardOperationEntity,
  TermFrequencyEntity,
  MatchModelEntity,
];
