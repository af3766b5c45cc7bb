import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { PERSON_QUERY, PERSONS_QUERY, PersonsApi } from './persons-api';
import { PersonPage } from './persons.models';

describe('PersonsApi', () => {
  let api: PersonsApi;
  let controller: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(PersonsApi);
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => controller.verify());

  it('lists a page of persons with the search and cursor as variables', async () => {
    const page: PersonPage = {
      totalCount: 1,
      pageInfo: { endCursor: 'c1', hasNextPage: false },
      nodes: [
        {
          id: 'p1',
          status: 'active',
          updatedAt: '2026-11-01T10:00:00Z',
          golden: { nhsNumber: '9434765919', familyName: 'Smith', givenName: 'Ann', dateOfBirth: '1980-01-02', sex: 'F', postcode: 'LS1 4AP' },
          records: [{ id: 'r1', sourceSystem: 'RIS-LEEDS' }],
        },
      ],
    };
    const result = firstValueFrom(api.list({ first: 25, after: 'c0', search: 'Smith' }));
    const call = controller.expectOne('/graphql');
    expect(call.request.body.query).toBe(PERSONS_QUERY);
    expect(call.request.body.variables).toEqual({ first: 25, after: 'c0', search: 'Smith' });
    call.flush({ data: { persons: page } });
    await expect(result).resolves.toEqual(page);
  });

  it('answers null for an unknown person id', async () => {
    const result = firstValueFrom(api.get('nope'));
    const call = controller.expectOne('/graphql');
    expect(call.request.body.query).toBe(PERSON_QUERY);
    expect(call.request.body.variables).toEqual({ id: 'nope' });
    call.flush({ data: { person: null } });
    await expect(result).resolves.toBeNull();
  });

  it('asks for every field the detail page shows', () => {
    for (const field of ['nhsNumberStatus', 'localId', 'successorId', 'matchProbability', 'modelVersion', 'linkedAt', 'linkedBy', 'flags']) {
      expect(PERSON_QUERY).toContain(field);
    }
  });
});
