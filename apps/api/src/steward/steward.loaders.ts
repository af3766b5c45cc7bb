import { Injectable, Scope } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ReviewTaskEntity } from '@concord/persistence';
import type { PersonEntity } from '@concord/persistence';
import { personsById, recordsById, withEffectiveStatus } from '@concord/services';
import type { PersonRecordView } from '@concord/services';
import { BatchLoader } from '../common/batch-loader';

/** Per-request loaders for the fields of a page of tasks or operations: one query each, not one per row. */
@Injectable({ scope: Scope.REQUEST })
export class StewardLoaders {
  readonly records: BatchLoader<string, PersonRecordView>;
  readonly persons: BatchLoader<string, PersonEntity>;
  readonly tasks: BatchLoader<string, ReviewTaskEntity>;

  constructor(dataSource: DataSource) {
    this.records = new BatchLoader((ids) => recordsById(dataSource, ids));
    this.persons = new BatchLoader((ids) => personsById(dataSource, ids));
    this.tasks = new BatchLoader(async (ids) => {
      const tasks = await dataSource.getRepository(ReviewTaskEntity).findBy({ id: In([...ids]) });
      return new Map(tasks.map((t) => [t.id, withEffectiveStatus(t)]));
    });
  }
}
