import { Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '@concord/persistence';
import { startAuditSealer, startChangeSequencer } from '@concord/services';
import { AppConfig } from '../config/app-config';
import { DatabaseHandle } from '../config/config.module';
import { APP_CONFIG } from '../config/tokens';

/** How often the ledger is sealed: the longest an event stays outside the hash chain. */
const SEAL_INTERVAL_MS = 500;
/** How often committed change events get their feed number (the feed also numbers on read). */
const SEQUENCE_INTERVAL_MS = 150;

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG, DatabaseHandle],
      useFactory: async (config: AppConfig, handle: DatabaseHandle) => {
        const { options, engine, release } = await createDataSourceOptions(config.database);
        handle.engine = engine;
        handle.release = release;
        // The schema comes from migrations only, applied at start-up; never synchronize.
        return {
          ...options,
          migrationsRun: true,
          migrationsTransactionMode: 'each' as const,
          retryAttempts: 1,
        };
      },
    }),
  ],
})
export class DatabaseModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private stopSealer: (() => Promise<void>) | null = null;
  private stopSequencer: (() => Promise<void>) | null = null;

  constructor(
    @Inject(DatabaseHandle) private readonly handle: DatabaseHandle,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Every replica chains the audit events that requests appended (unlocked) every
   * SEAL_INTERVAL_MS; when several replicas try at once one seals and the others skip.
   */
  onApplicationBootstrap(): void {
    const logger = new Logger('AuditSealer');
    this.stopSealer = startAuditSealer(this.dataSource, SEAL_INTERVAL_MS, (error) =>
      logger.warn(
        `sealing the audit ledger failed, retrying: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
    // Likewise the change feed: registrations append events unnumbered and unlocked.
    const feedLogger = new Logger('ChangeSequencer');
    this.stopSequencer = startChangeSequencer(this.dataSource, SEQUENCE_INTERVAL_MS, (error) =>
      feedLogger.warn(
        `numbering the change feed failed, retrying: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stopSealer?.();
    await this.stopSequencer?.();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.handle.release();
  }
}
