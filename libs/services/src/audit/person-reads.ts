import { DataSource } from 'typeorm';
import { appendAudit, AuditActor } from './audit-log';

/**
 * The reads of patient data of one request that shows persons through many fields (a GraphQL
 * query: a person's golden view, records, link history, operations; a task's record and
 * candidate): one `person.viewed` event per person per request, whichever and however many
 * fields showed them, each naming the person and (in `after.fields`) the fields that first
 * did. Fields resolved in the same tick share one INSERT; every field waits for the event
 * naming its person to be written before it answers, so nothing is shown unrecorded, and a
 * failed write fails the field. Create one per request.
 */
export class PersonReadLog {
  private readonly recorded = new Map<string, Promise<void>>();
  private batch: Map<string, Set<string>> | null = null;
  private batchWritten: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly actor: AuditActor,
  ) {}

  /** The request shows these persons' data through `field`; resolves once that is in the ledger. */
  viewed(personIds: Iterable<string | null | undefined>, field: string): Promise<void> {
    const waits = new Set<Promise<void>>();
    for (const id of personIds) {
      if (!id) continue;
      const known = this.recorded.get(id);
      if (known) {
        waits.add(known);
        // Still waiting to be written: this field is among those that showed the person.
        this.batch?.get(id)?.add(field);
        continue;
      }
      const written = this.join(id, field);
      this.recorded.set(id, written);
      waits.add(written);
    }
    return Promise.all(waits).then(() => undefined);
  }

  private join(personId: string, field: string): Promise<void> {
    if (!this.batch || !this.batchWritten) {
      const batch = new Map<string, Set<string>>();
      this.batch = batch;
      this.batchWritten = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        if (this.batch === batch) {
          this.batch = null;
          this.batchWritten = null;
        }
        return appendAudit(
          this.dataSource.manager,
          this.actor,
          [...batch].map(([id, fields]) => ({
            action: 'person.viewed',
            personIds: [id],
            after: { fields: [...fields].sort() },
          })),
        );
      });
    }
    this.batch.set(personId, new Set([field]));
    return this.batchWritten;
  }
}
