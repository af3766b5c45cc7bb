import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_MODEL } from '@concord/matching';
import {
  AccessService,
  ChangeFeed,
  LinksService,
  MatchService,
  OidcVerifier,
  PersonHistoryService,
  PersonsQuery,
  PersonTimeline,
  RegistrationService,
  StewardDecisions,
  StewardQueues,
  TaskComparisons,
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
      provide: RegistrationService,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new RegistrationService(ds, () => DEFAULT_MODEL),
    },
    {
      provide: MatchService,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new MatchService(ds, () => DEFAULT_MODEL),
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
      inject: [DataSource],
      useFactory: (ds: DataSource) => new TaskComparisons(ds, () => DEFAULT_MODEL),
    },
    { provide: PersonTimeline, inject: [DataSource], useFactory: (ds: DataSource) => new PersonTimeline(ds) },
    {
      provide: PersonHistoryService,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new PersonHistoryService(ds),
    },
  ],
  exports: [
    AccessService,
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
  ],
})
export class ServicesModule {}
