import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { displayName } from '../../shared/format/format';
import { NhsNumberPipe, SexPipe, UkDatePipe } from '../../shared/format/format.pipes';
import { LoadState } from '../../shared/ui/load-state';
import { PersonsListStore } from '../data-access/persons-list.store';
import { PersonSummary } from '../data-access/persons.models';

export interface PersonRow {
  id: string;
  name: string;
  retired: boolean;
  nhsNumber: string | null;
  dateOfBirth: string | null;
  sex: string | null;
  postcode: string | null;
  recordCount: number;
  /** Each source system once, with how many of this person's records it sent. */
  sources: { system: string; count: number }[];
}

export function toRow(person: PersonSummary): PersonRow {
  const counts = new Map<string, number>();
  for (const record of person.records) counts.set(record.sourceSystem, (counts.get(record.sourceSystem) ?? 0) + 1);
  return {
    id: person.id,
    name: displayName(person.golden.familyName, person.golden.givenName),
    retired: person.status === 'retired',
    nhsNumber: person.golden.nhsNumber,
    dateOfBirth: person.golden.dateOfBirth,
    sex: person.golden.sex,
    postcode: person.golden.postcode,
    recordCount: person.records.length,
    sources: [...counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([system, count]) => ({ system, count })),
  };
}

@Component({
  selector: 'cc-persons-page',
  imports: [ReactiveFormsModule, RouterLink, LoadState, NhsNumberPipe, UkDatePipe, SexPipe],
  templateUrl: './persons-page.html',
  styleUrl: './persons-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonsPage {
  protected readonly store = inject(PersonsListStore);
  private readonly router = inject(Router);

  /** The search in the address bar (`?q=`), so a search can be bookmarked and the back button works. */
  readonly q = input<string>();

  readonly searchControl = new FormControl('', { nonNullable: true });
  /** A form group, so Enter in the search box submits through ngSubmit. */
  readonly searchForm = new FormGroup({ term: this.searchControl });
  readonly rows = computed(() => (this.store.page()?.nodes ?? []).map(toRow));
  readonly numberFormat = new Intl.NumberFormat('en-GB');

  constructor() {
    effect(() => {
      const term = this.q() ?? '';
      untracked(() => {
        this.searchControl.setValue(term);
        this.store.search(term);
      });
    });
  }

  submitSearch(): void {
    const term = this.searchControl.value.trim();
    // Re-running the current search refreshes it; a new one goes through the address bar.
    if (term === (this.q() ?? '')) this.store.search(term);
    else void this.router.navigate([], { queryParams: { q: term || null } });
  }

  clearSearch(): void {
    this.searchControl.setValue('');
    void this.router.navigate([], { queryParams: { q: null } });
  }

  format(value: number): string {
    return this.numberFormat.format(value);
  }
}
