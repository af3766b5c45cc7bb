import { Injectable, Scope } from '@nestjs/common';
import { PersonRecordView, PersonsQuery } from '@concord/services';
import { BatchLoader } from '../common/batch-loader';

/**
 * Batches `Person.records` of one GraphQL request into a single query (no N+1): every
 * person asked for in the same tick is loaded together. One instance per request.
 */
@Injectable({ scope: Scope.REQUEST })
export class PersonRecordsLoader {
  private readonly loader: BatchLoader<string, PersonRecordView[]>;

  constructor(persons: PersonsQuery) {
    this.loader = new BatchLoader((ids) => persons.recordsOf(ids));
  }

  async load(personId: string): Promise<PersonRecordView[]> {
    return (await this.loader.load(personId)) ?? [];
  }
}
