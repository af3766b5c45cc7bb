/** Version of the matching engine's code (comparators, standardisation); models carry their own version. */
export const ENGINE_VERSION = '1.1.0';
