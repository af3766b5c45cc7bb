import { TestBed } from '@angular/core/testing';
import { Observable, of, Subject, throwError } from 'rxjs';
import { ApiError } from '../../core/graphql/api-error';
import { PAGE_SIZE, PersonsListStore } from './persons-list.store';
import { PersonsApi } from './persons-api';
import { PersonPage, PersonsQuery } from './persons.models';

function page(ids: string[], total: number, endCursor: string | null, hasNextPage: boolean): PersonPage {
  return {
    totalCount: total,
    pageInfo: { endCursor, hasNextPage },
    nodes: ids.map((id) => ({
      id,
      status: 'active',
      updatedAt: '2026-11-01T10:00:00Z',
      golden: { nhsNumber: null, familyName: id, givenName: null, dateOfBirth: null, sex: null, postcode: null },
      records: [],
    })),
  };
}

describe('PersonsListStore', () => {
  let list: jest.Mock<Observable<PersonPage>, [PersonsQuery]>;
  let store: PersonsListStore;

  beforeEach(() => {
    list = jest.fn();
    TestBed.configureTestingModule({ providers: [PersonsListStore, { provide: PersonsApi, useValue: { list } }] });
    store = TestBed.inject(PersonsListStore);
  });

  it('pages forward with the end cursor and back with the one before', () => {
    list.mockReturnValueOnce(of(page(['a'], 60, 'c1', true)));
    store.search('');
    expect(list).toHaveBeenLastCalledWith({ first: PAGE_SIZE, after: null, search: null });
    expect(store.rangeStart()).toBe(1);
    expect(store.hasPrevious()).toBe(false);

    list.mockReturnValueOnce(of(page(['b'], 60, 'c2', true)));
    store.next();
    expect(list).toHaveBeenLastCalledWith({ first: PAGE_SIZE, after: 'c1', search: null });
    expect(store.pageIndex()).toBe(1);
    expect(store.rangeStart()).toBe(PAGE_SIZE + 1);

    list.mockReturnValueOnce(of(page(['a'], 60, 'c1', true)));
    store.previous();
    expect(list).toHaveBeenLastCalledWith({ first: PAGE_SIZE, after: null, search: null });
    expect(store.pageIndex()).toBe(0);
  });

  it('starts a new search on the first page', () => {
    list.mockReturnValue(of(page(['a'], 60, 'c1', true)));
    store.search('');
    store.next();
    store.search('  943 476 5919 ');
    expect(list).toHaveBeenLastCalledWith({ first: PAGE_SIZE, after: null, search: '943 476 5919' });
    expect(store.pageIndex()).toBe(0);
    expect(store.term()).toBe('943 476 5919');
  });

  it('reports an empty result as empty, not as loading', () => {
    list.mockReturnValue(of(page([], 0, null, false)));
    store.search('Nobody');
    expect(store.empty()).toBe(true);
    expect(store.loading()).toBe(false);
  });

  it('keeps the error message to show and retries on reload', () => {
    list.mockReturnValueOnce(throwError(() => new ApiError('NETWORK_ERROR', 'Concord cannot be reached.')));
    store.search('');
    expect(store.error()).toBe('Concord cannot be reached.');
    list.mockReturnValueOnce(of(page(['a'], 1, null, false)));
    store.reload();
    expect(store.error()).toBeNull();
    expect(store.page()?.nodes).toHaveLength(1);
  });

  it('ignores an older answer once a newer search has started', () => {
    const slow = new Subject<PersonPage>();
    list.mockReturnValueOnce(slow);
    store.search('Smi');
    list.mockReturnValueOnce(of(page(['smith'], 1, null, false)));
    store.search('Smith');
    slow.next(page(['stale'], 1, null, false));
    expect(store.page()?.nodes.map((n) => n.id)).toEqual(['smith']);
  });
});
