import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { ApiError } from '../../core/graphql/api-error';
import { CLAIM_NEXT, DECIDE_SAME, DEFER_TASK, SEARCH_QUERY, SPLIT_PERSON, StewardApi, TASKS_QUERY } from './steward-api';

describe('StewardApi', () => {
  let api: StewardApi;
  let controller: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(StewardApi);
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => controller.verify());

  it('asks for a page of tasks, leaving out empty filters', async () => {
    const result = firstValueFrom(
      api.tasks({ filter: { queue: 'POSSIBLE_DUPLICATE', status: null, sourceSystem: '' }, sort: 'AGE', first: 50, after: 'c1' }),
    );
    const call = controller.expectOne('/graphql');
    expect(call.request.body.query).toBe(TASKS_QUERY);
    expect(call.request.body.variables).toEqual({ filter: { queue: 'POSSIBLE_DUPLICATE' }, sort: 'AGE', first: 50, after: 'c1' });
    const page = { totalCount: 0, nodes: [], pageInfo: { endCursor: null, hasNextPage: false } };
    call.flush({ data: { tasks: page } });
    await expect(result).resolves.toEqual(page);
  });

  it('sends a merge with the task version and reason', async () => {
    const result = firstValueFrom(api.decide('same', { id: 't1', version: 3 }, 'same patient'));
    const call = controller.expectOne('/graphql');
    expect(call.request.body.query).toBe(DECIDE_SAME);
    expect(call.request.body.variables).toEqual({ input: { taskId: 't1', version: 3, reason: 'same patient' } });
    call.flush({ data: { decideSamePerson: { task: null, operation: null } } });
    await expect(result).resolves.toEqual({ task: null, operation: null });
  });

  it('sends a deferral with the reason as its note', async () => {
    const result = firstValueFrom(api.decide('defer', { id: 't1', version: 1 }, 'ask the ward'));
    const call = controller.expectOne('/graphql');
    expect(call.request.body.query).toBe(DEFER_TASK);
    expect(call.request.body.variables).toEqual({ input: { taskId: 't1', version: 1, note: 'ask the ward' } });
    call.flush({ data: { deferTask: { id: 't1' } } });
    await expect(result).resolves.toEqual({ task: { id: 't1' }, operation: null });
  });

  it('reports a conflict with its code', async () => {
    const result = firstValueFrom(api.decide('not-same', { id: 't1', version: 1 }, 'twins'));
    controller.expectOne('/graphql').flush({ data: null, errors: [{ message: 'changed', extensions: { code: 'CONFLICT' } }] });
    await expect(result).rejects.toBeInstanceOf(ApiError);
    await expect(result).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('claims the next task of a queue, or answers null when there is none', async () => {
    const result = firstValueFrom(api.claimNext('NHS_TRACE'));
    const call = controller.expectOne('/graphql');
    expect(call.request.body.query).toBe(CLAIM_NEXT);
    expect(call.request.body.variables).toEqual({ queue: 'NHS_TRACE' });
    call.flush({ data: { claimNextTask: null } });
    await expect(result).resolves.toBeNull();
  });

  it('splits records off a person', async () => {
    const result = firstValueFrom(api.split('p1', ['r1'], 'not the same'));
    const call = controller.expectOne('/graphql');
    expect(call.request.body.query).toBe(SPLIT_PERSON);
    expect(call.request.body.variables).toEqual({ input: { personId: 'p1', recordIds: ['r1'], reason: 'not the same' } });
    call.flush({ data: { splitPerson: { id: 'o1' } } });
    await expect(result).resolves.toEqual({ id: 'o1' });
  });

  it('searches with only the fields that were filled in', async () => {
    const result = firstValueFrom(api.search({ familyName: 'Smith', givenName: ' ', dateOfBirth: '1980-01-02' }));
    const call = controller.expectOne('/graphql');
    expect(call.request.body.query).toBe(SEARCH_QUERY);
    expect(call.request.body.variables).toEqual({ input: { familyName: 'Smith', dateOfBirth: '1980-01-02' }, count: 20 });
    call.flush({ data: { searchPersons: [] } });
    await expect(result).resolves.toEqual([]);
  });
});
