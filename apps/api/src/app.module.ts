import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AuthController } from './auth/auth.controller';
import { AccessGuard } from './common/access.guard';
import { ErrorFilter } from './common/error.filter';
import { formatGraphqlError } from './common/graphql-errors';
import { queryLimits } from './common/query-limits';
import { ServicesModule } from './common/services.module';
import { configureSurvivorship } from '@concord/services';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthController } from './health/health.controller';
import { LinksController } from './links/links.controller';
import { PersonRecordsLoader } from './persons/person-records.loader';
import { PersonReads } from './common/person-reads';
import { PersonsResolver } from './persons/persons.resolver';
import { RecordsController } from './records/records.controller';
import { MatchController } from './match/match.controller';
import { EventsController } from './events/events.controller';
import { FhirController } from './fhir/fhir.controller';
import { AuditController } from './audit/audit.controller';
import { AuditEventsResolver } from './audit/audit-events.resolver';
import { InsightResolver } from './insight/insight.resolver';
import { HistoryResolver } from './history/history.resolver';
import { ModelResolver } from './model/model.resolver';
import { DecisionsResolver } from './steward/decisions.resolver';
import { PersonHistoryResolver } from './steward/person-history.resolver';
import { QueuesResolver } from './steward/queues.resolver';
import { StewardLoaders } from './steward/steward.loaders';
import { TermFrequencyRefresher } from './frequencies/term-frequency.refresher';

/** Every REST controller and GraphQL resolver (an access test walks them all). */
export const CONTROLLERS = [
  HealthController,
  AuthController,
  RecordsController,
  MatchController,
  LinksController,
  EventsController,
  FhirController,
  AuditController,
];
export const RESOLVERS = [
  PersonsResolver,
  HistoryResolver,
  QueuesResolver,
  DecisionsResolver,
  PersonHistoryResolver,
  ModelResolver,
  InsightResolver,
  AuditEventsResolver,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    // Process-wide like the rest of the configuration: every golden view this replica
    // computes follows it and records it.
    configureSurvivorship(config.survivorship);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        ServicesModule,
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          introspection: !config.production,
          includeStacktraceInErrorResponses: false,
          formatError: formatGraphqlError,
          validationRules: [queryLimits(8, 500)],
          context: ({ req }: { req: unknown }) => ({ req }),
          // Field resolvers carry their own @Access rules: the guard (and error mapping) must run for them too.
          fieldResolverEnhancers: ['guards', 'filters'],
        }),
      ],
      controllers: CONTROLLERS,
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        ...RESOLVERS,
        PersonRecordsLoader,
        StewardLoaders,
        PersonReads,
        TermFrequencyRefresher,
      ],
    };
  }
}
