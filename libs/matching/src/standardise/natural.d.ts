// The deep module of `natural` has no types of its own; `require('natural')` would load the
// whole library (wordnet, database clients, .env) in about a second, so only this part is used.
declare module 'natural/lib/natural/phonetics/double_metaphone' {
  class DoubleMetaphone {
    process(token: string, maxLength?: number): [string, string];
  }
  export = DoubleMetaphone;
}
