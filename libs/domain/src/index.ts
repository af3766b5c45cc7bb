export * from './nhs-number/nhs-number';
export * from './csv/csv-parser';
export * from './records/source-record';
export * from './records/record-csv';
export * from './records/golden-view';
