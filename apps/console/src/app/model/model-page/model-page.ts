import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { Session } from '../../core/auth/session';
import { LoadState } from '../../shared/ui/load-state';
import { ModelStore } from '../data-access/model.store';
import { ModelField, ModelPreview } from '../data-access/model.models';
import { ScoreHistogramChart } from './score-histogram';

const FIELD_LABELS: Record<string, string> = {
  nhsNumber: 'NHS number',
  familyName: 'Family name',
  givenName: 'Given name',
  dateOfBirth: 'Date of birth',
  sex: 'Sex',
  postcode: 'Postcode',
  address: 'Address',
  addressLine: 'Address',
  phone: 'Phone',
  email: 'E-mail',
};

export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;

/** Width (percent of half the bar track) of a weight, against the largest weight of the model. */
export function barPercent(weight: number, maxAbs: number): number {
  return maxAbs === 0 ? 0 : Math.min(100, (Math.abs(weight) / maxAbs) * 100);
}

@Component({
  selector: 'cc-model-page',
  imports: [LoadState, ScoreHistogramChart],
  templateUrl: './model-page.html',
  styleUrl: './model-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ModelPage implements OnInit {
  protected readonly store = inject(ModelStore);
  private readonly session = inject(Session);
  protected readonly isAdmin = computed(() => this.session.user()?.role === 'admin');
  protected readonly documentText = signal('');
  protected readonly fileError = signal<string | null>(null);
  protected readonly fieldLabel = fieldLabel;
  protected readonly maxAbsWeight = computed(() => {
    const fields: ModelField[] = this.store.model()?.fields ?? [];
    return Math.max(0, ...fields.flatMap((f) => f.levels.map((l) => Math.abs(l.weight))));
  });

  ngOnInit(): void {
    void this.store.reload();
  }

  /** One weight range for the before and after histograms of a preview. */
  protected extentOf(preview: ModelPreview): [number, number] {
    const edges = [preview.current, preview.proposed].flatMap((h) => [
      ...h.bins.flatMap((b) => [b.from, b.to]),
      h.reviewWeight - 1,
      h.linkWeight + 1,
    ]);
    return [Math.min(...edges), Math.max(...edges)];
  }

  protected outcomeLabel(outcome: string): string {
    return outcome === 'would-link' ? 'links' : outcome === 'would-drop' ? 'below review' : 'review';
  }

  protected bar(weight: number): number {
    return barPercent(weight, this.maxAbsWeight());
  }

  protected fmt(n: number, digits = 2): string {
    return n.toFixed(digits);
  }

  protected prob(n: number): string {
    return n >= 0.9999 || n < 0.0001 ? n.toExponential(2) : n.toFixed(4);
  }

  protected when(iso: string | null): string {
    return iso
      ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) +
          ' UTC'
      : '–';
  }

  protected startFromCurrent(): void {
    const model = this.store.model();
    if (model) this.documentText.set(model.document);
  }

  protected onInput(event: Event): void {
    this.documentText.set((event.target as HTMLTextAreaElement).value);
  }

  protected async onFile(event: Event): Promise<void> {
    this.fileError.set(null);
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    if (file.size > 1_000_000) {
      this.fileError.set('That file is larger than 1 MB; a model document is far smaller.');
      return;
    }
    this.documentText.set(await file.text());
  }

  protected async submitDraft(): Promise<void> {
    await this.store.loadDraft(this.documentText());
  }

  protected async activate(version: string): Promise<void> {
    await this.store.activate(version);
    if (this.store.activated() === version) this.documentText.set('');
  }
}
