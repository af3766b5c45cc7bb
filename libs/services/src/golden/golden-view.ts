import type { GoldenView } from '@concord/persistence';
import type { NhsNumberStatus, SourceRecordInput } from '@concord/domain';

export interface GoldenSource {
  raw: SourceRecordInput;
  nhsNumber: string | null;
  nhsNumberStatus: NhsNumberStatus;
  dateOfBirth: string | null;
  flags: string[];
  updatedAt: Date;
}

/** Flags that mark a date of birth as a default typed in for want of the real one. */
const DEFAULTED_DOB = ['dob-default-jan1', 'dob-default-1900'];

/**
 * Survivorship rules (recorded here, applied on every change to a person):
 * - NHS number: only a valid one, the most frequent among the linked records, ties to the most recent;
 * - date of birth: the most frequent, ignoring defaulted dates (1 January, 1900-01-01)
 *   unless no record has another;
 * - every other field: the most frequent value, ties to the most recent record.
 */
export function goldenView(records: GoldenSource[]): GoldenView {
  const recent = [...records].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  const pick = (value: (r: GoldenSource) => string | null | undefined, from = recent): string | null => {
    const counts = new Map<string, number>();
    for (const r of from) {
      const v = value(r);
      if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    let best: string | null = null;
    let bestCount = 0;
    // `recent` is newest first and Map keeps first-seen order, so ties go to the most recent.
    for (const [v, count] of counts) {
      if (count > bestCount) {
        best = v;
        bestCount = count;
      }
    }
    return best;
  };
  const realDob = recent.filter((r) => !r.flags.some((f) => DEFAULTED_DOB.includes(f)));
  return {
    nhsNumber: pick((r) => (r.nhsNumberStatus === 'valid' ? r.nhsNumber : null)),
    familyName: pick((r) => r.raw.familyName?.toUpperCase()),
    givenName: pick((r) => r.raw.givenName),
    dateOfBirth: pick((r) => r.dateOfBirth, realDob) ?? pick((r) => r.dateOfBirth),
    sex: pick((r) => r.raw.sex),
    postcode: pick((r) => r.raw.postcode?.toUpperCase()),
  };
}
