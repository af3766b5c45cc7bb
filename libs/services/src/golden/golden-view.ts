import type { GoldenView } from '@concord/persistence';
import type { NhsNumberStatus, SourceRecordInput } from '@concord/domain';

export interface GoldenSource {
  raw: SourceRecordInput;
  nhsNumber: string | null;
  nhsNumberStatus: NhsNumberStatus;
  dateOfBirth: string | null;
  updatedAt: Date;
}

/**
 * Survivorship: the NHS number comes from the most recent record holding a valid one (a
 * verified number beats any other); every other field from the most recent record that
 * has a value for it.
 */
export function goldenView(records: GoldenSource[]): GoldenView {
  const recent = [...records].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  const first = (pick: (r: GoldenSource) => string | null | undefined): string | null => {
    for (const r of recent) {
      const v = pick(r);
      if (v) return v;
    }
    return null;
  };
  return {
    nhsNumber: first((r) => (r.nhsNumberStatus === 'valid' ? r.nhsNumber : null)),
    familyName: first((r) => r.raw.familyName?.toUpperCase()),
    givenName: first((r) => r.raw.givenName),
    dateOfBirth: first((r) => r.dateOfBirth),
    sex: first((r) => r.raw.sex),
    postcode: first((r) => r.raw.postcode?.toUpperCase()),
  };
}
