import { Initial1795838928569 } from './1795838928569-Initial';

/** Every migration in order. Listed explicitly so bundled builds carry them. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [Initial1795838928569];
