import { Injectable, Scope } from '@nestjs/common';
import { PersonRecordView, PersonsQuery } from '@concord/services';

/**
 * Batches `Person.records` of one GraphQL request into a single query (no N+1): every
 * person asked for in the same tick is loaded together. One instance per request.
 */
@Injectable({ scope: Scope.REQUEST })
export class PersonRecordsLoader {
  private pending: Array<{
    id: string;
    resolve: (v: PersonRecordView[]) => void;
    reject: (e: unknown) => void;
  }> = [];

  constructor(private readonly persons: PersonsQuery) {}

  load(personId: string): Promise<PersonRecordView[]> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) process.nextTick(() => void this.flush());
      this.pending.push({ id: personId, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const byPerson = await this.persons.recordsOf([...new Set(batch.map((b) => b.id))]);
      for (const item of batch) item.resolve(byPerson.get(item.id) ?? []);
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  }
}
