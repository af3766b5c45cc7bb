import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { TermFrequencyStore } from '@concord/services';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/tokens';

const CHECK_EVERY_MS = 10 * 60_000;

/**
 * Keeps the learned term frequencies fresh: every replica checks now and then whether the
 * counts are older than EMPI_TF_REFRESH_HOURS (or missing) and recounts them if so. The
 * refresh takes a database lock, so with many replicas one recounts and the rest find the
 * counts fresh; nothing of it lives in the process.
 */
@Injectable()
export class TermFrequencyRefresher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TermFrequencies');
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly store: TermFrequencyStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.termFrequencyRefreshHours === 0) return;
    this.timer = setInterval(() => void this.refreshIfStale(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Recounts when the counts are missing or older than the configured age. */
  async refreshIfStale(now = new Date()): Promise<boolean> {
    if (this.running) return false;
    this.running = true;
    try {
      const at = await this.store.refreshedAt();
      const maxAgeMs = this.config.termFrequencyRefreshHours * 3_600_000;
      if (at && now.getTime() - at.getTime() < maxAgeMs) return false;
      const started = Date.now();
      const result = await this.store.refresh();
      this.logger.log(
        `term frequencies recounted: ${result.values} values over ${result.records} records in ${Date.now() - started} ms`,
      );
      return true;
    } catch (error) {
      this.logger.error(`term frequency refresh failed: ${(error as Error).message}`);
      return false;
    } finally {
      this.running = false;
    }
  }
}
