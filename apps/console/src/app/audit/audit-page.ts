import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { ApiError } from '../core/graphql/api-error';
import { displayDateTime } from '../shared/format/format';
import { LoadState } from '../shared/ui/load-state';
import { AuditApi } from './data-access/audit-api';
import { filterProblem, toAuditFilter } from './data-access/audit-filter';
import { AuditListStore } from './data-access/audit-list.store';
import { AuditExportFormat } from './data-access/audit.models';

/** Actions the ledger records, offered as suggestions (any action can be typed). */
export const KNOWN_ACTIONS = [
  'record.registered',
  'record.updated',
  'record.bulk-registered',
  'person.merged',
  'person.split',
  'person.merge-requested',
  'person.merge-approved',
  'person.merge-rejected',
  'person.history-viewed',
  'task.compared',
  'task.resolved',
  'links.viewed',
  'match.candidates-shown',
  'audit.exported',
  'audit.searched',
  'user.signed-in',
  'user.sign-in-failed',
  'user.created',
  'api-key.created',
  'api-key.rotated',
  'api-key.revoked',
];

@Component({
  selector: 'cc-audit-page',
  imports: [ReactiveFormsModule, RouterLink, LoadState],
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage {
  protected readonly store = inject(AuditListStore);
  private readonly api = inject(AuditApi);

  readonly form = new FormGroup({
    fromDay: new FormControl('', { nonNullable: true }),
    toDay: new FormControl('', { nonNullable: true }),
    personId: new FormControl('', { nonNullable: true }),
    actor: new FormControl('', { nonNullable: true }),
    action: new FormControl('', { nonNullable: true }),
  });
  readonly actions = KNOWN_ACTIONS;
  /** Bulk events name thousands of persons: the list shows the first few. */
  readonly shownPersons = 3;
  readonly formProblem = signal<string | null>(null);
  readonly exporting = signal<AuditExportFormat | null>(null);
  readonly exportMessage = signal<{ kind: 'done' | 'error'; text: string } | null>(null);
  readonly filtered = computed(() => Object.keys(this.store.filter()).length > 0);
  protected readonly dateTime = displayDateTime;

  constructor() {
    this.store.apply({});
  }

  /** Each person once (a bulk event names a person once per record). */
  distinct(ids: string[]): string[] {
    return [...new Set(ids)];
  }

  applyFilter(): void {
    const value = this.form.getRawValue();
    const problem = filterProblem(value);
    this.formProblem.set(problem);
    if (problem) return;
    this.store.apply(toAuditFilter(value));
  }

  clearFilter(): void {
    this.form.reset();
    this.formProblem.set(null);
    this.store.apply({});
  }

  /** Downloads the export for the filter as applied (what the list shows). */
  async download(format: AuditExportFormat): Promise<void> {
    if (this.exporting()) return;
    this.exporting.set(format);
    this.exportMessage.set(null);
    try {
      const { blob, filename } = await this.api.export(format, this.store.filter());
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.exportMessage.set({ kind: 'done', text: `The ${format.toUpperCase()} export was saved as ${filename}.` });
    } catch (error: unknown) {
      this.exportMessage.set({
        kind: 'error',
        text: error instanceof ApiError ? error.message : 'The export could not be downloaded. Try again.',
      });
    } finally {
      this.exporting.set(null);
    }
  }
}
