import { DEMOGRAPHIC_FIELDS } from '@concord/domain';

/**
 * A seeded generator of malformed and hostile inputs: broken JSON, huge strings, wrong
 * types, SQL and script injection, invalid dates and NHS numbers, odd Unicode.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = [
  "'; DROP TABLE person; --",
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '${jndi:ldap://x}',
  '../../etc/passwd',
  '\u0000',
  '\ud800',
  '😀👨‍👩‍👧',
  'Ÿ̸̡̛̲̮̜̪̟̣̓̓͌̌̍̈̐͜ͅ',
  '',
  ' ',
  '9434765918',
  '999 999 9999',
  '0000000000',
  '31/02/2020',
  '2020-13-45',
  '99999999',
  '1900-01-01',
  'NaN',
  'null',
  '{"a":1}',
  'x'.repeat(201),
  'x'.repeat(5000),
];

const VALUES: Array<() => unknown> = [
  () => 42,
  () => -1,
  () => 1e308,
  () => true,
  () => null,
  () => [],
  () => ['a', 'b'],
  () => ({}),
  () => ({ $gt: '' }),
  () => ({ nested: { deeper: [1, 2, 3] } }),
];

// Every field a registration carries, plus the two that identify it.
const RECORD_FIELDS: string[] = ['sourceSystem', 'localId', ...DEMOGRAPHIC_FIELDS];

export function hostileValue(rand: () => number): unknown {
  return rand() < 0.7
    ? STRINGS[Math.floor(rand() * STRINGS.length)]
    : VALUES[Math.floor(rand() * VALUES.length)]();
}

/** A JSON body for a record-shaped endpoint, or raw text that is not JSON at all. */
export function hostileRecordBody(rand: () => number): { raw: string } | { body: unknown } {
  const roll = rand();
  if (roll < 0.15) {
    const broken = [
      '{',
      '{"localId": }',
      '[1,2',
      'null',
      '"just a string"',
      '{"localId":"a",}',
      '\u0000',
      '{"a":' + '['.repeat(200),
    ];
    return { raw: broken[Math.floor(rand() * broken.length)] };
  }
  if (roll < 0.2) return { body: [hostileValue(rand)] };
  const body: Record<string, unknown> = {};
  const n = 1 + Math.floor(rand() * 5);
  for (let i = 0; i < n; i++) {
    const field =
      rand() < 0.9
        ? RECORD_FIELDS[Math.floor(rand() * RECORD_FIELDS.length)]
        : ['__proto__', 'constructor', 'unknownField', 'a b'][Math.floor(rand() * 4)];
    body[field] = hostileValue(rand);
  }
  if (rand() < 0.5) body['localId'] = `fuzz-${Math.floor(rand() * 1e9)}`;
  return { body };
}

export function hostileQueryValue(rand: () => number): string {
  const v = hostileValue(rand);
  try {
    return encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v));
  } catch {
    // A lone surrogate cannot be encoded: send bytes that are not valid UTF-8 instead.
    return '%ED%A0%80';
  }
}
