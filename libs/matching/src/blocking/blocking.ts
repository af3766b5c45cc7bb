import { StandardRecord } from '../standardise/standardise';
import { BlockingPart, BlockingRule, MatchModel } from '../model/types';

/** At most this many family-name tokens give keys, so every rule yields at most a few keys per record. */
const MAX_FAMILY_TOKENS = 2;

/** Values of one blocking part for a record: none when missing, several only for multi-part family names. */
export function partValues(r: StandardRecord, part: BlockingPart): string[] {
  switch (part) {
    case 'nhs':
      return r.nhs !== null ? [r.nhs] : [];
    case 'dob':
      return r.dob !== null ? [r.dob] : [];
    case 'birthYear':
      return r.dobYear !== null ? [String(r.dobYear)] : [];
    case 'familyPhonetic':
      return unique(r.familyPhonetic.slice(0, MAX_FAMILY_TOKENS));
    case 'givenPhonetic':
      return r.givenPhonetic.length > 0 ? [r.givenPhonetic[0]] : [];
    case 'namePhoneticPair': {
      // Sorted, so that a record with given and family names swapped shares the key.
      if (r.familyPhonetic.length === 0 || r.givenPhonetic.length === 0) return [];
      const f = r.familyPhonetic[0];
      const g = r.givenPhonetic[0];
      return [f < g ? `${f}:${g}` : `${g}:${f}`];
    }
    case 'familyName':
      return unique(r.familyTokens.slice(0, MAX_FAMILY_TOKENS));
    case 'givenName':
      return r.givenName !== null ? [r.givenName] : [];
    case 'postcode':
      return r.postcode !== null ? [r.postcode.replace(' ', '')] : [];
    // A non-UK code has no parts: the whole code stands in for its district and sector.
    case 'postcodeDistrict':
      return r.postcodeDistrict !== null ? [r.postcodeDistrict] : r.postcode !== null ? [r.postcode] : [];
    case 'postcodeSector':
      return r.postcodeSector !== null ? [r.postcodeSector.replace(' ', '')] : r.postcode !== null ? [r.postcode] : [];
    case 'email':
      return r.email !== null ? [r.email] : [];
  }
}

function unique(values: string[]): string[] {
  return values.length < 2 || values[0] !== values[1] ? values : [values[0]];
}

/** Keys of one rule for a record (the product of its parts' values), e.g. 'dob-fam:19800102:SM0'. */
export function ruleKeys(r: StandardRecord, rule: BlockingRule): string[] {
  let keys = [rule.name];
  for (const part of rule.on) {
    const values = partValues(r, part);
    if (values.length === 0) return [];
    if (values.length === 1) {
      for (let i = 0; i < keys.length; i++) keys[i] += ':' + values[0];
    } else {
      const next: string[] = [];
      for (const k of keys) for (const v of values) next.push(k + ':' + v);
      keys = next;
    }
  }
  return keys;
}

/**
 * Every blocking key of a record under the model's rules. Stable strings: the database
 * indexes them to fetch real-time candidates, and the batch path builds its blocks from
 * exactly these keys, so a pair the batch would compare always shares a key.
 */
export function blockingKeys(record: StandardRecord, model: MatchModel): string[] {
  const out: string[] = [];
  for (const rule of model.blocking.rules) for (const k of ruleKeys(record, rule)) out.push(k);
  return out;
}
