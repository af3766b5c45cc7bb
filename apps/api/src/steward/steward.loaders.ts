import { Injectable, Scope } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PersonEntity } from '@concord/persistence';
import { personsById, recordsById } from '@concord/services';
import type { PersonRecordView } from '@concord/services';
import { BatchLoader } from '../common/batch-loader';

/** Per-request loaders for the fields of a page of tasks: one query each, not one per task. */
@Injectable({ scope: Scope.REQUEST })
export class StewardLoaders {
  readonly records: BatchLoader<string, PersonRecordView>;
  readonly persons: BatchLoader<string, PersonEntity>;

  constructor(dataSource: DataSource) {
    this.records = new BatchLoader((ids) => recordsById(dataSource, ids));
    this.persons = new BatchLoader((ids) => personsById(dataSource, ids));
  }
}
