import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { ApiError } from '../core/graphql/api-error';
import { displayName, displayProbability, displayScore } from '../shared/format/format';
import { NhsNumberPipe, UkDatePipe } from '../shared/format/format.pipes';
import { LoadState } from '../shared/ui/load-state';
import { StewardApi } from '../queues/data-access/steward-api';
import { SearchResult } from '../queues/data-access/steward.models';
import { SearchForm, toSearchInput } from './data-access/search-input';

@Component({
  selector: 'cc-search-page',
  imports: [FormsModule, RouterLink, LoadState, NhsNumberPipe, UkDatePipe],
  templateUrl: './search-page.html',
  styleUrl: './search-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchPage {
  private readonly api = inject(StewardApi);

  readonly form: SearchForm = { nhsNumber: '', familyName: '', givenName: '', dateOfBirth: '' };
  readonly formError = signal('');
  readonly loading = signal(false);
  readonly error = signal('');
  readonly results = signal<SearchResult[] | null>(null);

  submit(): void {
    const request = toSearchInput(this.form);
    if ('error' in request) {
      this.formError.set(request.error);
      return;
    }
    this.formError.set('');
    this.error.set('');
    this.loading.set(true);
    this.api.search(request.input).subscribe({
      next: (results) => {
        this.results.set([...results].sort((a, b) => b.score - a.score));
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.error.set(e instanceof ApiError ? e.message : 'The search failed. Try again.');
        this.loading.set(false);
      },
    });
  }

  name(r: SearchResult): string {
    return displayName(r.person.golden.familyName, r.person.golden.givenName);
  }

  gradeTone(grade: string): string {
    if (grade === 'certain') return 'green';
    if (grade === 'probable' || grade === 'possible') return 'amber';
    return 'grey';
  }

  /** The FHIR grade in a steward's words ("certainly-not" reads as a verdict on the person). */
  gradeLabel(grade: string): string {
    return grade === 'certainly-not' ? 'not a match' : grade;
  }

  score = displayScore;
  probability = displayProbability;
}
