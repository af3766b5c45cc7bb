import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config';
import { APP_CONFIG } from './tokens';

/** What the embedded engine needs at shutdown (close PGlite, free the data folder). */
export class DatabaseHandle {
  engine: 'postgres' | 'pglite' = 'postgres';
  release: () => Promise<void> = async () => undefined;
}

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, DatabaseHandle],
      exports: [APP_CONFIG, DatabaseHandle],
    };
  }
}
