/**
 * Collects the keys asked for in one tick and loads them with one call (no N+1 queries in
 * GraphQL field resolvers). Create one per request.
 */
export class BatchLoader<K, V> {
  private pending: Array<{ key: K; resolve: (v: V | undefined) => void; reject: (e: unknown) => void }> = [];

  constructor(private readonly loadMany: (keys: K[]) => Promise<Map<K, V>>) {}

  load(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) process.nextTick(() => void this.flush());
      this.pending.push({ key, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const values = await this.loadMany([...new Set(batch.map((b) => b.key))]);
      for (const item of batch) item.resolve(values.get(item.key));
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  }
}
