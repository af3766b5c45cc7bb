import { computed, inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { ApiError } from '../../core/graphql/api-error';
import { ModelApi } from './model-api';
import { ModelOverview, ModelPreview, ModelVersion } from './model.models';

type Busy = 'loading-draft' | 'previewing' | 'activating' | null;

const messageOf = (error: unknown) => (error instanceof ApiError ? error.message : String(error));

/**
 * The Model screen's state: the model in use with its histogram, and an administrator's
 * draft on its way from pasted JSON to a previewed and activated version.
 */
@Injectable()
export class ModelStore {
  private readonly api = inject(ModelApi);

  readonly overview = signal<ModelOverview | null>(null);
  readonly loadError = signal<string | null>(null);
  readonly loading = signal(false);

  /** The draft being worked on: validation errors, the stored draft, its preview. */
  readonly draftError = signal<string | null>(null);
  readonly draft = signal<ModelVersion | null>(null);
  readonly preview = signal<ModelPreview | null>(null);
  readonly busy = signal<Busy>(null);
  readonly activated = signal<string | null>(null);

  readonly model = computed(() => this.overview()?.matchModel ?? null);
  readonly drafts = computed(() =>
    (this.overview()?.modelVersions ?? []).filter((v) => v.status === 'draft'),
  );

  async reload(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      this.overview.set(await firstValueFrom(this.api.overview()));
    } catch (error) {
      this.loadError.set(messageOf(error));
    } finally {
      this.loading.set(false);
    }
  }

  /** Validates and stores the pasted document as a draft, then previews it. */
  async loadDraft(document: string): Promise<void> {
    this.draftError.set(null);
    this.preview.set(null);
    this.activated.set(null);
    if (!document.trim()) {
      this.draftError.set('Paste or upload a model document first.');
      return;
    }
    this.busy.set('loading-draft');
    try {
      const draft = await firstValueFrom(this.api.load(document));
      this.draft.set(draft);
      this.busy.set(null);
      await this.previewVersion(draft.version);
      void this.reload();
    } catch (error) {
      this.draftError.set(messageOf(error));
    } finally {
      this.busy.set(null);
    }
  }

  async previewVersion(version: string): Promise<void> {
    this.draftError.set(null);
    this.activated.set(null);
    this.busy.set('previewing');
    try {
      const preview = await firstValueFrom(this.api.preview(version));
      this.preview.set(preview);
      const known = this.overview()?.modelVersions.find((v) => v.version === version);
      if (known && this.draft()?.version !== version) this.draft.set(known);
    } catch (error) {
      this.draftError.set(messageOf(error));
    } finally {
      this.busy.set(null);
    }
  }

  async activate(version: string): Promise<void> {
    this.draftError.set(null);
    this.busy.set('activating');
    try {
      await firstValueFrom(this.api.activate(version));
      this.draft.set(null);
      this.preview.set(null);
      await this.reload();
      this.activated.set(version);
    } catch (error) {
      this.draftError.set(messageOf(error));
    } finally {
      this.busy.set(null);
    }
  }
}
