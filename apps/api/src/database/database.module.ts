import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '@concord/persistence';
import { AppConfig } from '../config/app-config';
import { DatabaseHandle } from '../config/config.module';
import { APP_CONFIG } from '../config/tokens';

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
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(DatabaseHandle) private readonly handle: DatabaseHandle,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.handle.release();
  }
}
