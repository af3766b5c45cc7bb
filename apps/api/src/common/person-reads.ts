import { Injectable, Scope } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PersonReadLog } from '@concord/services';
import type { AuditActor } from '@concord/services';

/**
 * The audit of one GraphQL request's reads of patient data: every field that shows a person's
 * demographics, records, link history or operations calls `viewed`, and the request leaves
 * one `person.viewed` event per person (see PersonReadLog). One instance per request.
 */
@Injectable({ scope: Scope.REQUEST })
export class PersonReads {
  private log: PersonReadLog | null = null;

  constructor(private readonly dataSource: DataSource) {}

  /** Resolves once the ledger names each of these persons for this request. */
  viewed(actor: AuditActor, personIds: Iterable<string | null | undefined>, field: string): Promise<void> {
    this.log ??= new PersonReadLog(this.dataSource, actor);
    return this.log.viewed(personIds, field);
  }
}
