export * from './entities';
export * from './migrations';
export * from './database/open-database';
export * from './database/data-dir-lock';
export * from './database/prepared-query';
