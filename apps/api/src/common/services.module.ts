import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_MODEL } from '@concord/matching';
import {
  AccessService,
  ChangeFeed,
  LinksService,
  MatchService,
  PersonsQuery,
  RegistrationService,
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
  ],
  exports: [AccessService, RegistrationService, MatchService, ChangeFeed, LinksService, PersonsQuery],
})
export class ServicesModule {}
