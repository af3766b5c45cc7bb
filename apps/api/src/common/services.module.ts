import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AccessService,
  AuditSearch,
  ChangeFeed,
  IndexInsights,
  LinksService,
  MatchService,
  ModelRegistry,
  OidcVerifier,
  PersonHistoryService,
  PersonsQuery,
  PersonTimeline,
  RegistrationService,
  StewardDecisions,
  StewardQueues,
  TaskComparisons,
  TermFrequencyStore,
} from '@concord/services';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/tokens';

/**
 * The framework-free use cases of @concord/services, made injectable. They hold no state
 * of their own beyond caches of what the database says, so replicas stay interchangeable.
 */
@Global()
@Module({
  providers: [
    {
      provide: AccessService,
      inject: [DataSource, APP_CONFIG],
      useFactory: (ds: DataSource, config: AppConfig) =>
        new AccessService(ds, {
          tokenSecret: config.tokenSecret,
          sessionMinutes: config.sessionMinutes,
          maxFailedSignIns: config.maxFailedSignIns,
          failedSignInWindowMinutes: config.failedSignInWindowMinutes,
          localSignIn: config.localSignIn,
          oidc: config.oidc ? new OidcVerifier(config.oidc) : undefined,
        }),
    },
    {
      provide: TermFrequencyStore,
      inject: [DataSource, APP_CONFIG],
      useFactory: (ds: DataSource, config: AppConfig) =>
        new TermFrequencyStore(ds, { minRecords: config.termFrequencyMinRecords }),
    },
    { provide: ModelRegistry, inject: [DataSource], useFactory: (ds: DataSource) => new ModelRegistry(ds) },
    {
      provide: RegistrationService,
      inject: [DataSource, TermFrequencyStore, ModelRegistry],
      useFactory: (ds: DataSource, tf: TermFrequencyStore, registry: ModelRegistry) =>
        new RegistrationService(ds, () => registry.current(), tf),
    },
    {
      provide: MatchService,
      inject: [DataSource, ModelRegistry],
      useFactory: (ds: DataSource, registry: ModelRegistry) => new MatchService(ds, () => registry.current()),
    },
    { provide: ChangeFeed, inject: [DataSource], useFactory: (ds: DataSource) => new ChangeFeed(ds) },
    { provide: LinksService, inject: [DataSource], useFactory: (ds: DataSource) => new LinksService(ds) },
    { provide: PersonsQuery, inject: [DataSource], useFactory: (ds: DataSource) => new PersonsQuery(ds) },
    { provide: StewardQueues, inject: [DataSource], useFactory: (ds: DataSource) => new StewardQueues(ds) },
    {
      provide: StewardDecisions,
      inject: [DataSource, APP_CONFIG],
      useFactory: (ds: DataSource, config: AppConfig) =>
        new StewardDecisions(ds, { leaseMinutes: config.stewardLeaseMinutes, fourEyes: config.fourEyes }),
    },
    {
      provide: TaskComparisons,
      inject: [DataSource, TermFrequencyStore, ModelRegistry],
      useFactory: (ds: DataSource, tf: TermFrequencyStore, registry: ModelRegistry) =>
        new TaskComparisons(ds, () => registry.current(), tf),
    },
    { provide: PersonTimeline, inject: [DataSource], useFactory: (ds: DataSource) => new PersonTimeline(ds) },
    { provide: IndexInsights, inject: [DataSource], useFactory: (ds: DataSource) => new IndexInsights(ds) },
    { provide: AuditSearch, inject: [DataSource], useFactory: (ds: DataSource) => new AuditSearch(ds) },
    {
      provide: PersonHistoryService,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new PersonHistoryService(ds),
    },
  ],
  exports: [
    AccessService,
    ModelRegistry,
    RegistrationService,
    MatchService,
    ChangeFeed,
    LinksService,
    PersonsQuery,
    PersonHistoryService,
    StewardQueues,
    StewardDecisions,
    TaskComparisons,
    PersonTimeline,
    TermFrequencyStore,
    IndexInsights,
    AuditSearch,
  ],
})
export class ServicesModule {}
