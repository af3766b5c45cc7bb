import { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_MODEL, MatchModel, ModelValidationError, validateModel } from '@concord/matching';
import type { MatchModelStatus } from '@concord/persistence';
import { appendAudit, AuditActor } from '../audit/audit-log';
import { conflict, invalid, notFound, ServiceError, ServiceErrorCode } from '../errors/service-error';
import { ModelPreview, parseJson, previewTasks, ScoreHistogram, scoreHistogram } from './model-scores';

/** A model version as listed: the shipped default is listed too, as `shipped`. */
export interface ModelVersionInfo {
  version: string;
  status: MatchModelStatus;
  /** The model built into this release (no row in the database). */
  shipped: boolean;
  /** The version every score uses now. */
  current: boolean;
  description: string | null;
  createdBy: string | null;
  createdAt: Date | null;
  activatedBy: string | null;
  activatedAt: Date | null;
}

export interface ModelRegistryOptions {
  /** How stale the cached active model may get before it is read again (ms). Default 5 s. */
  refreshMs?: number;
  /** Histogram bin width in bits. Default 2. */
  binWidth?: number;
  /** Reports refresh failures (the last good model stays in use). */
  onError?: (error: unknown) => void;
}

const LOCK = `SELECT pg_advisory_xact_lock(hashtext('match_model'))`;

/**
 * The matching model in use, and its versions. `current()` is synchronous (the scoring
 * paths call it per request) and answers from a cache of the database's active version,
 * read again at most every `refreshMs`; nothing else is kept in memory, so every replica
 * converges on what the table says within that interval, and the replica that activates a
 * version uses it at once. No active version means the shipped DEFAULT_MODEL.
 */
export class ModelRegistry {
  private model: MatchModel = DEFAULT_MODEL;
  private activeVersion: string | null = null;
  private checkedAt = 0;
  private refreshing: Promise<MatchModel> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly refreshMs: number;
  private readonly binWidth: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: ModelRegistryOptions = {},
  ) {
    this.refreshMs = options.refreshMs ?? 5000;
    this.binWidth = options.binWidth ?? 2;
  }

  /** The model to score with now. Starts a background refresh when the cache is stale. */
  current(): MatchModel {
    if (Date.now() - this.checkedAt >= this.refreshMs) void this.refresh().catch(() => undefined);
    return this.model;
  }

  /** Reads the active version from the database (one query; the document only when it changed). */
  refresh(): Promise<MatchModel> {
    if (!this.refreshing) {
      this.refreshing = this.readActive()
        .catch((error: unknown) => {
          this.options.onError?.(error);
          throw error;
        })
        .finally(() => {
          this.refreshing = null;
        });
    }
    return this.refreshing;
  }

  /** Reads the active model now and keeps it fresh on a timer (the API calls this at start). */
  async start(): Promise<void> {
    await this.refresh();
    if (!this.timer) {
      this.timer = setInterval(() => void this.refresh().catch(() => undefined), this.refreshMs);
      this.timer.unref?.();
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Nest lifecycle hooks (called by name; no framework import). */
  async onModuleInit(): Promise<void> {
    await this.start();
  }
  onModuleDestroy(): void {
    this.stop();
  }

  /** Validates a model document (JSON text or parsed) and stores it as a draft. */
  async load(document: unknown, actor: AuditActor): Promise<ModelVersionInfo> {
    let parsed = document;
    if (typeof document === 'string') {
      try {
        parsed = JSON.parse(document);
      } catch (error) {
        throw invalid('$', `not valid JSON (${(error as Error).message})`);
      }
    }
    let model: MatchModel;
    try {
      model = validateModel(parsed);
    } catch (error) {
      if (error instanceof ModelValidationError)
        throw new ServiceError(ServiceErrorCode.Validation, error.message, error.path);
      throw error;
    }
    if (model.version === DEFAULT_MODEL.version)
      throw invalid(
        '$.version',
        `"${model.version}" is the shipped model's version; give the new model its own`,
      );
    return this.dataSource.transaction(async (m) => {
      await m.query(LOCK);
      const existing = await m.query(`SELECT 1 FROM match_model WHERE version = $1`, [model.version]);
      if (existing.length > 0)
        throw invalid(
          '$.version',
          `model version "${model.version}" already exists; give the new model its own`,
        );
      await m.query(
        `INSERT INTO match_model (version, document, status, created_by) VALUES ($1, $2::jsonb, 'draft', $3)`,
        [model.version, JSON.stringify(model), actor.name],
      );
      await appendAudit(m, actor, [
        {
          action: 'model.loaded',
          after: {
            version: model.version,
            status: 'draft',
            thresholds: model.thresholds,
            prior: model.prior,
          },
          modelVersion: model.version,
        },
      ]);
      return (await this.listWith(m)).find((v) => v.version === model.version) as ModelVersionInfo;
    });
  }

  /**
   * Makes a version the one every score uses; the previously active version is retired.
   * Activating the shipped default's version retires every stored version (a rollback).
   */
  async activate(version: string, actor: AuditActor): Promise<ModelVersionInfo> {
    const result = await this.dataSource.transaction(async (m) => {
      await m.query(LOCK);
      const active: Array<{ version: string }> = await m.query(
        `SELECT version FROM match_model WHERE status = 'active'`,
      );
      const previous = active[0]?.version ?? DEFAULT_MODEL.version;
      let model: MatchModel = DEFAULT_MODEL;
      if (version !== DEFAULT_MODEL.version) {
        const rows: Array<{ document: unknown }> = await m.query(
          `SELECT document FROM match_model WHERE version = $1`,
          [version],
        );
        if (rows.length === 0) throw notFound(`model version "${version}" not found`);
        model = validateModel(parseJson(rows[0].document));
      }
      if (previous === version) throw conflict(`model version "${version}" is already active`);
      await m.query(`UPDATE match_model SET status = 'retired' WHERE status = 'active'`);
      if (version !== DEFAULT_MODEL.version)
        await m.query(
          `UPDATE match_model SET status = 'active', activated_by = $2, activated_at = now() WHERE version = $1`,
          [version, actor.name],
        );
      await appendAudit(m, actor, [
        {
          action: 'model.activated',
          before: { version: previous },
          after: { version, thresholds: model.thresholds, prior: model.prior },
          modelVersion: version,
        },
      ]);
      const info = (await this.listWith(m)).find((v) => v.version === version) as ModelVersionInfo;
      return { info, model };
    });
    this.use(result.model, version === DEFAULT_MODEL.version ? null : version);
    return { ...result.info, current: true };
  }

  /** Every stored version, newest first, then the shipped default. */
  async list(): Promise<ModelVersionInfo[]> {
    const versions = await this.listWith(this.dataSource.manager);
    const active = versions.find((v) => v.status === 'active' && !v.shipped);
    // Answer with the database's view, and let it correct the cache.
    if ((active?.version ?? null) !== this.activeVersion) await this.refresh().catch(() => undefined);
    return versions;
  }

  /** The stored document of a version (the shipped default included). */
  async document(version: string): Promise<MatchModel> {
    if (version === DEFAULT_MODEL.version) return DEFAULT_MODEL;
    const rows: Array<{ document: unknown }> = await this.dataSource.query(
      `SELECT document FROM match_model WHERE version = $1`,
      [version],
    );
    if (rows.length === 0) throw notFound(`model version "${version}" not found`);
    return validateModel(parseJson(rows[0].document));
  }

  /**
   * What a version would do to the open review tasks (see `previewTasks`). Writes nothing
   * but an audit event (the preview reads patient data in bulk).
   */
  async preview(version: string, actor: AuditActor, limit = 50): Promise<ModelPreview> {
    const proposed = await this.document(version);
    const current = await this.refresh().catch(() => this.model);
    const result = await previewTasks(this.dataSource, current, proposed, limit, this.binWidth);
    const { scored, wouldLink, wouldStay, wouldDrop, changed } = result;
    await appendAudit(this.dataSource.manager, actor, [
      {
        action: 'model.previewed',
        after: { version, scored, wouldLink, wouldStay, wouldDrop, changed },
        modelVersion: version,
      },
    ]);
    return result;
  }

  /** Match weights of the current links (those made with a score) and of the open tasks. */
  async histogram(): Promise<ScoreHistogram> {
    const model = await this.refresh().catch(() => this.model);
    return scoreHistogram(this.dataSource, model, this.binWidth);
  }

  private async readActive(): Promise<MatchModel> {
    const rows: Array<{ version: string }> = await this.dataSource.query(
      `SELECT version FROM match_model WHERE status = 'active'`,
    );
    const version = rows[0]?.version ?? null;
    if (version !== this.activeVersion) {
      if (version === null) this.use(DEFAULT_MODEL, null);
      else {
        const doc: Array<{ document: unknown }> = await this.dataSource.query(
          `SELECT document FROM match_model WHERE version = $1`,
          [version],
        );
        if (doc.length > 0) this.use(validateModel(parseJson(doc[0].document)), version);
      }
    }
    this.checkedAt = Date.now();
    return this.model;
  }

  private use(model: MatchModel, activeVersion: string | null): void {
    this.model = model;
    this.activeVersion = activeVersion;
    this.checkedAt = Date.now();
  }

  private async listWith(m: EntityManager): Promise<ModelVersionInfo[]> {
    const rows: Array<{
      version: string;
      status: MatchModelStatus;
      description: string | null;
      created_by: string;
      created_at: Date | string;
      activated_by: string | null;
      activated_at: Date | string | null;
    }> = await m.query(
      `SELECT version, status, document->>'description' AS description, created_by, created_at, activated_by, activated_at
         FROM match_model ORDER BY created_at DESC, version`,
    );
    const anyActive = rows.some((r) => r.status === 'active');
    const list: ModelVersionInfo[] = rows.map((r) => ({
      version: r.version,
      status: r.status,
      shipped: false,
      current: r.status === 'active',
      description: r.description,
      createdBy: r.created_by,
      createdAt: new Date(r.created_at),
      activatedBy: r.activated_by,
      activatedAt: r.activated_at ? new Date(r.activated_at) : null,
    }));
    list.push({
      version: DEFAULT_MODEL.version,
      status: anyActive ? 'retired' : 'active',
      shipped: true,
      current: !anyActive,
      description: DEFAULT_MODEL.description ?? null,
      createdBy: null,
      createdAt: null,
      activatedBy: null,
      activatedAt: null,
    });
    return list;
  }
}
