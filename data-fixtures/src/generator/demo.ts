/** Parameters of the committed demo population (data-fixtures/populations/demo). */
export const DEMO_PERSONS = 2000;
export const DEMO_SEED = 'concord-demo-1';
