// The deep module only: `require('natural')` loads the whole library (wordnet, database
// clients, .env) in about a second. The deep module has no type declarations, hence the cast.
const DoubleMetaphone = require('natural/lib/natural/phonetics/double_metaphone') as new () => {
  process(token: string, maxLength?: number): [string, string];
};

const dm = new DoubleMetaphone();
const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/**
 * Primary Double Metaphone code of one upper-case name token, cached per distinct token:
 * names are Zipf-distributed, so a few thousand codes serve millions of records and the
 * (slow, regex-based) encoder runs once per distinct value.
 */
export function metaphone(token: string): string {
  let code = cache.get(token);
  if (code === undefined) {
    if (/^[A-Z]+$/.test(token)) {
      code = dm.process(token)[0] || token;
    } else {
      code = token.replace(/[^A-Z]/g, '');
      code = code === '' ? token : dm.process(code)[0] || code;
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(token, code);
  }
  return code;
}
