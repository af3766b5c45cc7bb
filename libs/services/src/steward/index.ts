export * from './kept-apart';
export * from './task-opening';
export * from './task-queries';
export * from './steward-decisions';
export { holds, sameRequester } from './actor-identity';
export * from './person-operations';
export * from './task-comparison';
export * from './person-timeline';
