/**
 * The sending systems of the synthetic imaging network: a PAS, RIS and PACS per trust,
 * each with the conventions that make real feeds disagree (local id format, date format,
 * sex coding, NHS number layout, upper-case names, whether email is sent at all).
 */
export type DobFormat = 'iso' | 'compact' | 'uk';
/** 'digit-x': the Person Stated Gender coding, X for not known where others use 0. */
export type SexCoding = 'letter' | 'digit' | 'digit-x' | 'word' | 'lower-letter';
export type NhsLayout = 'plain' | 'spaced' | 'dashed';
export type NameCase = 'upper' | 'title' | 'upper-family';

export interface SourceSystem {
  name: string;
  kind: 'PAS' | 'RIS' | 'PACS';
  /** Area key (see places.ts) whose residents this trust mostly sees. */
  area: string;
  /** Local id from a per-system serial: each system has its own, recognisable shape. */
  localId: (serial: number) => string;
  dob: DobFormat;
  sex: SexCoding;
  nhs: NhsLayout;
  names: NameCase;
  sendsEmail: boolean;
  sendsPhone: boolean;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
/** Spreads serials over the id space so consecutive patients do not get neighbouring ids. */
const spread = (serial: number, modulus: number, offset: number): number => (serial * 7919 + offset) % modulus;

export const SOURCE_SYSTEMS: readonly SourceSystem[] = [
  { name: 'PAS-LEEDS', kind: 'PAS', area: 'leeds', localId: (s) => `M${pad(spread(s, 9_999_999, 1_000_003), 7)}`, dob: 'iso', sex: 'letter', nhs: 'plain', names: 'upper-family', sendsEmail: true, sendsPhone: true },
  { name: 'RIS-LEEDS', kind: 'RIS', area: 'leeds', localId: (s) => `RL${pad(spread(s, 99_999_999, 4_200_017), 8)}`, dob: 'compact', sex: 'letter', nhs: 'plain', names: 'upper', sendsEmail: false, sendsPhone: true },
  { name: 'PACS-LEEDS', kind: 'PACS', area: 'leeds', localId: (s) => `LTH${pad(spread(s, 9_999_999, 77_001), 7)}`, dob: 'compact', sex: 'letter', nhs: 'plain', names: 'upper', sendsEmail: false, sendsPhone: false },
  { name: 'PAS-BRADFORD', kind: 'PAS', area: 'bradford', localId: (s) => `B${pad(spread(s, 999_999, 500_009), 6)}${'ABCDEFGHJK'[s % 10]}`, dob: 'uk', sex: 'digit', nhs: 'spaced', names: 'upper-family', sendsEmail: false, sendsPhone: true },
  { name: 'RIS-BRADFORD', kind: 'RIS', area: 'bradford', localId: (s) => `BRI${pad(spread(s, 999_999, 31_337), 6)}`, dob: 'uk', sex: 'word', nhs: 'spaced', names: 'title', sendsEmail: false, sendsPhone: true },
  { name: 'PAS-YORK', kind: 'PAS', area: 'york', localId: (s) => `Y${pad(spread(s, 9_999_999, 2_500_001), 7)}`, dob: 'uk', sex: 'letter', nhs: 'dashed', names: 'upper-family', sendsEmail: true, sendsPhone: true },
  { name: 'PACS-YORK', kind: 'PACS', area: 'york', localId: (s) => `YH-${pad(spread(s, 9_999_999, 1_234_567), 7)}`, dob: 'compact', sex: 'letter', nhs: 'plain', names: 'upper', sendsEmail: false, sendsPhone: false },
  { name: 'PAS-MFT', kind: 'PAS', area: 'manchester', localId: (s) => `MFT${pad(spread(s, 99_999_999, 3_141_592), 8)}`, dob: 'iso', sex: 'word', nhs: 'spaced', names: 'title', sendsEmail: true, sendsPhone: true },
  { name: 'RIS-MFT', kind: 'RIS', area: 'manchester', localId: (s) => pad(spread(s, 9_999_999, 2_718_281), 7), dob: 'iso', sex: 'lower-letter', nhs: 'plain', names: 'upper', sendsEmail: false, sendsPhone: true },
  { name: 'PAS-GSTT', kind: 'PAS', area: 'london', localId: (s) => `G${pad(spread(s, 99_999_999, 12_345_678), 8)}`, dob: 'iso', sex: 'letter', nhs: 'spaced', names: 'upper-family', sendsEmail: true, sendsPhone: true },
  { name: 'RIS-KCH', kind: 'RIS', area: 'london', localId: (s) => `K${pad(spread(s, 9_999_999, 5_550_001), 7)}`, dob: 'compact', sex: 'digit', nhs: 'plain', names: 'upper', sendsEmail: false, sendsPhone: true },
  { name: 'PACS-LONDON', kind: 'PACS', area: 'london', localId: (s) => `SLIC${pad(spread(s, 9_999_999, 424_242), 7)}`, dob: 'compact', sex: 'letter', nhs: 'plain', names: 'upper', sendsEmail: false, sendsPhone: false },
  { name: 'PAS-UHB', kind: 'PAS', area: 'birmingham', localId: (s) => `UHB${pad(spread(s, 999_999, 654_321), 6)}`, dob: 'uk', sex: 'letter', nhs: 'dashed', names: 'upper-family', sendsEmail: true, sendsPhone: true },
  { name: 'RIS-UHB', kind: 'RIS', area: 'birmingham', localId: (s) => `QE${pad(spread(s, 9_999_999, 909_090), 7)}`, dob: 'iso', sex: 'digit', nhs: 'plain', names: 'title', sendsEmail: false, sendsPhone: true },
];

/** Systems of one area, PAS first (the patient's first contact is usually an admission). */
export function systemsOfArea(area: string): SourceSystem[] {
  return SOURCE_SYSTEMS.filter((s) => s.area === area);
}

/** The Scottish system whose records carry CHI numbers. */
export const SCOTTISH_SYSTEM: SourceSystem = {
  name: 'PAS-NHSGGC',
  kind: 'PAS',
  area: 'glasgow',
  localId: (s) => `GG${pad(spread(s, 9_999_999, 8_675_309), 7)}`,
  dob: 'uk',
  sex: 'letter',
  nhs: 'plain',
  names: 'upper-family',
  sendsEmail: false,
  sendsPhone: true,
};
