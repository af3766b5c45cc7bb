import type { SearchInput } from '../../queues/data-access/steward.models';

export interface SearchForm {
  nhsNumber: string;
  familyName: string;
  givenName: string;
  dateOfBirth: string;
}

/** Digits only: "943 476 5919", "943-476-5919" and "9434765919" are the same number. */
export function normaliseNhsNumber(value: string): string {
  return value.replace(/\D/g, '');
}

/**
 * What to ask the API, or an error in a steward's words. An NHS number alone is enough;
 * otherwise a family name and a date of birth are needed.
 */
export function toSearchInput(form: SearchForm): { input: SearchInput } | { error: string } {
  const nhs = normaliseNhsNumber(form.nhsNumber);
  if (form.nhsNumber.trim()) {
    if (nhs.length !== 10) return { error: 'An NHS number has 10 digits, for example 943 476 5919.' };
    return { input: { nhsNumber: nhs } };
  }
  const familyName = form.familyName.trim();
  const dateOfBirth = form.dateOfBirth.trim();
  if (!familyName || !dateOfBirth) return { error: 'Enter an NHS number, or a family name and a date of birth.' };
  return { input: { familyName, givenName: form.givenName.trim() || null, dateOfBirth } };
}
