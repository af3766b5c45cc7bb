import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Observable, of, throwError } from 'rxjs';
import { ApiError } from '../../core/graphql/api-error';
import { PersonsApi } from '../data-access/persons-api';
import { PersonsListStore } from '../data-access/persons-list.store';
import { PersonPage, PersonsQuery, PersonSummary } from '../data-access/persons.models';
import { PersonsPage, toRow } from './persons-page';

const smith: PersonSummary = {
  id: 'p1',
  status: 'active',
  updatedAt: '2026-11-01T10:00:00Z',
  golden: { nhsNumber: '9434765919', familyName: 'Smith', givenName: 'Ann', dateOfBirth: '1980-01-02', sex: 'F', postcode: 'LS1 4AP' },
  records: [
    { id: 'r1', sourceSystem: 'RIS-LEEDS' },
    { id: 'r2', sourceSystem: 'PACS-YORK' },
    { id: 'r3', sourceSystem: 'RIS-LEEDS' },
  ],
};

function pageOf(nodes: PersonSummary[], totalCount = nodes.length): PersonPage {
  return { totalCount, nodes, pageInfo: { endCursor: 'c1', hasNextPage: totalCount > nodes.length } };
}

describe('PersonsPage', () => {
  let fixture: ComponentFixture<PersonsPage>;
  let list: jest.Mock<Observable<PersonPage>, [PersonsQuery]>;
  let element: HTMLElement;

  async function render(result: Observable<PersonPage>, q?: string): Promise<void> {
    list.mockReturnValue(result);
    fixture = TestBed.createComponent(PersonsPage);
    if (q !== undefined) fixture.componentRef.setInput('q', q);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  beforeEach(async () => {
    list = jest.fn();
    await TestBed.configureTestingModule({
      imports: [PersonsPage],
      providers: [provideRouter([]), PersonsListStore, { provide: PersonsApi, useValue: { list } }],
    }).compileComponents();
  });

  it('shows golden details, the 3-3-4 NHS number and the linked source systems', async () => {
    await render(of(pageOf([smith], 2013)));
    const rows = element.querySelectorAll('[data-testid="person-row"]');
    expect(rows).toHaveLength(1);
    const text = rows[0].textContent ?? '';
    expect(text).toContain('SMITH, Ann');
    expect(text).toContain('943 476 5919');
    expect(text).toContain('2 Jan 1980');
    expect(text).toContain('Female');
    expect(text).toContain('LS1 4AP');
    expect(rows[0].querySelector('[data-testid="person-record-count"]')?.textContent?.trim()).toBe('3');
    expect(text).toContain('PACS-YORK');
    expect(text).toMatch(/RIS-LEEDS\s*×2/);
    expect(rows[0].querySelector('a')?.getAttribute('href')).toBe('/persons/p1');
    expect(element.querySelector('[data-testid="persons-summary"]')?.textContent).toContain('Showing 1 to 1 of 2,013 persons');
  });

  it('searches with the term from the address bar', async () => {
    await render(of(pageOf([smith])), '9434765919');
    expect(list).toHaveBeenCalledWith({ first: 25, after: null, search: '9434765919' });
    expect(element.querySelector<HTMLInputElement>('#person-search')?.value).toBe('9434765919');
  });

  it('puts a new search in the address bar', async () => {
    await render(of(pageOf([smith])));
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const input = element.querySelector<HTMLInputElement>('#person-search');
    if (!input) throw new Error('no search input');
    input.value = 'Smith';
    input.dispatchEvent(new Event('input'));
    element.querySelector('form')?.dispatchEvent(new Event('submit'));
    expect(navigate).toHaveBeenCalledWith([], { queryParams: { q: 'Smith' } });
  });

  it('says when nothing matches', async () => {
    await render(of(pageOf([])), 'Nobody');
    expect(element.querySelector('[data-testid="state-empty"]')?.textContent).toContain('No persons match “Nobody”');
    expect(element.querySelector('table')).toBeNull();
  });

  it('shows the error in words and retries', async () => {
    await render(throwError(() => new ApiError('NETWORK_ERROR', 'Concord cannot be reached.')));
    expect(element.querySelector('[data-testid="state-error"]')?.textContent).toContain('Concord cannot be reached.');
    list.mockReturnValue(of(pageOf([smith])));
    element.querySelector<HTMLButtonElement>('[data-testid="state-error"] button')?.click();
    await fixture.whenStable();
    expect(element.querySelectorAll('[data-testid="person-row"]')).toHaveLength(1);
  });

  it('counts each source system once', () => {
    expect(toRow(smith).sources).toEqual([
      { system: 'PACS-YORK', count: 1 },
      { system: 'RIS-LEEDS', count: 2 },
    ]);
  });
});
