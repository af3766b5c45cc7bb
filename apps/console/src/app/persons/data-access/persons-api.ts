import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { GraphqlClient } from '../../core/graphql/graphql-client';
import { PersonDetail, PersonPage, PersonsQuery } from './persons.models';

const GOLDEN_FIELDS = 'golden { nhsNumber familyName givenName dateOfBirth sex postcode }';

export const PERSONS_QUERY = `
  query Persons($first: Int, $after: String, $search: String) {
    persons(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes { id status updatedAt ${GOLDEN_FIELDS} records { id sourceSystem } }
    }
  }
`;

export const PERSON_QUERY = `
  query Person($id: ID!) {
    person(id: $id) {
      id status successorId createdAt updatedAt
      ${GOLDEN_FIELDS}
      records {
        id sourceSystem localId nhsNumber nhsNumberStatus
        familyName givenName otherGivenNames dateOfBirth sex postcode addressLine phone email flags
        link { type score matchProbability modelVersion linkedAt linkedBy }
      }
    }
  }
`;

/** Reads persons over GraphQL for the persons feature. */
@Injectable({ providedIn: 'root' })
export class PersonsApi {
  private readonly graphql = inject(GraphqlClient);

  list(query: PersonsQuery): Observable<PersonPage> {
    return this.graphql
      .request<{ persons: PersonPage }, PersonsQuery>(PERSONS_QUERY, query)
      .pipe(map((data) => data.persons));
  }

  /** The person, or null when no person has this id. */
  get(id: string): Observable<PersonDetail | null> {
    return this.graphql
      .request<{ person: PersonDetail | null }, { id: string }>(PERSON_QUERY, { id })
      .pipe(map((data) => data.person));
  }
}
