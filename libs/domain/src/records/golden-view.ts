/**
 * The survivorship view of a person: the values shown as "who this is". One shape for the
 * database column, the API and the console.
 */
export interface GoldenView {
  nhsNumber: string | null;
  familyName: string | null;
  givenName: string | null;
  dateOfBirth: string | null;
  sex: string | null;
  postcode: string | null;
  /** The survivorship policy the view was made under (absent on views made before it was recorded). */
  survivorship?: string;
}
