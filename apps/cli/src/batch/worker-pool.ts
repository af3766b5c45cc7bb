import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Transferable, Worker, isMainThread, workerData } from 'node:worker_threads';

/** workerData marker of a batch worker: main.ts runs the worker loop instead of the CLI when it sees it. */
export const WORKER_MARK = 'concord-batch-worker';

export function isBatchWorker(): boolean {
  return !isMainThread && (workerData as { mark?: string } | null)?.mark === WORKER_MARK;
}

/**
 * Where a worker's code comes from. The built CLI is one webpack bundle (dist/apps/cli/main.js),
 * so a worker runs that same file and main.ts dispatches on the workerData mark: no second
 * entry point to keep in step with the build. Under jest the code is TypeScript that only
 * ts-jest can load in the main thread, so the worker registers ts-node (transpile only) and
 * the workspace path aliases itself, then loads batch-worker.ts.
 */
function workerSource(): { script: string; evaluate: boolean } {
  if (!__filename.endsWith('.ts')) return { script: __filename, evaluate: false };
  const root = resolve(__dirname, '..', '..', '..', '..');
  const base = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  const script = [
    `require('ts-node').register({ transpileOnly: true, project: ${JSON.stringify(join(root, 'tools', 'tsconfig.tools.json'))},`,
    `  compilerOptions: { module: 'commonjs', moduleResolution: 'node10' } });`,
    `require('tsconfig-paths').register({ baseUrl: ${JSON.stringify(root)}, paths: ${JSON.stringify(base.compilerOptions.paths)} });`,
    `require(${JSON.stringify(join(__dirname, 'batch-worker.ts'))}).runBatchWorker();`,
  ].join('\n');
  return { script, evaluate: true };
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** Messages a worker sends: a reply to request `id`, a failure, or an event before the reply (e.g. a chunk of records read). */
export type WorkerMessage =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string } | { event: unknown };

/**
 * A fixed set of worker threads, each answering one request at a time (`call`). Requests
 * carry typed arrays in their transfer lists or SharedArrayBuffers, never record objects.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | null = null;
  private closing = false;

  /** Called for every event a worker sends (set by the caller of the current requests). */
  onEvent: (worker: number, event: unknown) => void = () => undefined;

  constructor(readonly size: number) {
    const { script, evaluate } = workerSource();
    for (let w = 0; w < size; w++) {
      const worker = new Worker(script, { eval: evaluate, workerData: { mark: WORKER_MARK } });
      worker.on('message', (m: WorkerMessage) => {
        if ('event' in m) {
          this.onEvent(w, m.event);
          return;
        }
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (!p) return;
        if (m.ok) p.resolve(m.value);
        else p.reject(new Error(m.error));
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0 && !this.closing)
          this.fail(new Error(`a batch worker stopped with exit code ${code}`));
      });
      this.workers.push(worker);
    }
  }

  call<T>(worker: number, request: object, transfer: Transferable[] = []): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.workers[worker].postMessage({ id, request }, transfer);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}
