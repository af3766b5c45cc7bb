import { RecordDraft } from '../model/draft';
import { Person } from '../model/types';
import { GoldenBuilder } from './builder';
import { GoldenScenarioSpec } from './scenario-spec';

type Edit = (d: RecordDraft, p: Person) => void;

/**
 * A same-person scenario: for each edit, one clean record and one record with the edit,
 * from different systems of the person's trust. `dropNhs` removes the NHS number from the
 * edited record in the last case, so demographics alone must carry the link there.
 */
function samePerson(
  scenario: string,
  description: string,
  edits: Array<{ name: string; edit: Edit; person?: Parameters<GoldenBuilder['person']>[0] }>,
  verdictNote?: string,
  dropNhsInLast = true,
): GoldenScenarioSpec {
  return {
    scenario,
    description,
    build: (b) =>
      edits.map(({ name, edit, person }, i) => {
        const p = b.person(person ?? {});
        const last = dropNhsInLast && i === edits.length - 1 && edits.length > 2;
        return b.case(
          name,
          'same-person',
          [
            [p, b.record(p, 'PAS-LEEDS')],
            [p, b.record(p, i % 2 === 0 ? 'RIS-BRADFORD' : 'PACS-LEEDS', (d) => {
              edit(d, p);
              if (last) d.nhs = '';
            })],
          ],
          last ? `${verdictNote ?? ''}${verdictNote ? ' ' : ''}The edited record has no NHS number.` : verdictNote,
        );
      }),
  };
}

export const RECORD_NOISE: GoldenScenarioSpec[] = [
  samePerson('swapped-names', 'Given and family name entered the wrong way round.', [
    { name: 'swapped', edit: (d) => ([d.given, d.family] = [d.family, d.given]) },
    { name: 'swapped, Chinese name order', edit: (d) => ([d.given, d.family] = [d.family, d.given]), person: { origin: 'chinese' } },
    { name: 'swapped, South Asian', edit: (d) => ([d.given, d.family] = [d.family, d.given]), person: { origin: 'south-asian' } },
  ]),
  samePerson('transposed-dob', 'Day and month of birth swapped (only possible when the day is 12 or less).', [
    { name: '03/07 as 07/03', edit: (d) => (d.dob = { y: 1968, m: 3, d: 7 }), person: { dob: { y: 1968, m: 7, d: 3 } } },
    { name: '11/02 as 02/11', edit: (d) => (d.dob = { y: 1990, m: 11, d: 2 }), person: { dob: { y: 1990, m: 2, d: 11 } } },
    { name: '05/12 as 12/05', edit: (d) => (d.dob = { y: 2001, m: 5, d: 12 }), person: { dob: { y: 2001, m: 12, d: 5 } } },
  ]),
  samePerson('nickname', 'Known by a nickname (list: data-fixtures/src/data/nicknames, Apache-2.0).', [
    { name: 'William as Bill', edit: (d) => (d.given = 'Bill'), person: { givenName: 'William', sex: 'M' } },
    { name: 'Margaret as Peggy', edit: (d) => (d.given = 'Peggy'), person: { givenName: 'Margaret', sex: 'F', age: 82 } },
    { name: 'Elizabeth as Liz', edit: (d) => (d.given = 'Liz'), person: { givenName: 'Elizabeth', sex: 'F' } },
    { name: 'Robert as Bob', edit: (d) => (d.given = 'Bob'), person: { givenName: 'Robert', sex: 'M' } },
  ]),
  samePerson('middle-name-as-given', 'Known by the middle name: it is sent as the given name.', [
    { name: 'James Edward as Edward', edit: (d) => ((d.given = 'Edward'), (d.middle = ['James'])), person: { givenName: 'James', middleNames: ['Edward'], sex: 'M' } },
    { name: 'Mary Kathleen as Kathleen', edit: (d) => ((d.given = 'Kathleen'), (d.middle = [])), person: { givenName: 'Mary', middleNames: ['Kathleen'], sex: 'F' } },
    { name: 'Mohammed Imran as Imran', edit: (d) => ((d.given = 'Imran'), (d.middle = ['Mohammed'])), person: { givenName: 'Mohammed', middleNames: ['Imran'], sex: 'M', origin: 'south-asian' } },
  ]),
  samePerson('double-barrelled', 'A double-barrelled surname sent in part or without its hyphen.', [
    { name: 'first half only', edit: (d) => (d.family = 'Lloyd'), person: { familyName: 'Lloyd-Webb' } },
    { name: 'second half only', edit: (d) => (d.family = 'Featherstone'), person: { familyName: 'Ashworth-Featherstone' } },
    { name: 'space for hyphen', edit: (d) => (d.family = 'Smith Jones'), person: { familyName: 'Smith-Jones' } },
  ]),
  samePerson('maiden-name', 'A woman registered under her maiden name in one system and her married name in another.', [
    { name: 'Walsh née Murphy', edit: (d) => (d.family = 'Murphy'), person: { sex: 'F', familyName: 'Walsh', age: 45 } },
    { name: 'Patel née Shah', edit: (d) => (d.family = 'Shah'), person: { sex: 'F', familyName: 'Patel', age: 38, origin: 'south-asian' } },
    { name: 'Taylor née Nowak', edit: (d) => (d.family = 'Nowak'), person: { sex: 'F', familyName: 'Taylor', age: 33 } },
  ]),
  samePerson('phonetic-variant', 'Sound-alike spellings taken down at a desk or over the phone.', [
    { name: 'Smith as Smyth', edit: (d) => (d.family = 'Smyth'), person: { familyName: 'Smith' } },
    { name: 'Mohammed as Muhammad', edit: (d) => (d.given = 'Muhammad'), person: { givenName: 'Mohammed', sex: 'M', origin: 'south-asian' } },
    { name: 'Catherine as Katherine', edit: (d) => (d.given = 'Katherine'), person: { givenName: 'Catherine', sex: 'F' } },
    { name: 'Thompson as Thomson', edit: (d) => (d.family = 'Thomson'), person: { familyName: 'Thompson' } },
  ]),
  samePerson('typo', 'One keying slip in a name.', [
    { name: 'Richardson as Rihardson', edit: (d) => (d.family = 'Rihardson'), person: { familyName: 'Richardson' } },
    { name: 'Sarah as Sarsh', edit: (d) => (d.given = 'Sarsh'), person: { givenName: 'Sarah', sex: 'F' } },
    { name: 'Wilkinson as Wilknison', edit: (d) => (d.family = 'Wilknison'), person: { familyName: 'Wilkinson' } },
  ]),
  samePerson('accents-apostrophes', 'Apostrophes and diacritics dropped by ASCII-only feeds.', [
    { name: "O'Brien as OBRIEN", edit: (d) => (d.family = 'OBrien'), person: { familyName: "O'Brien" } },
    { name: 'Wójcik as Wojcik', edit: (d) => (d.family = 'Wojcik'), person: { familyName: 'Wójcik', origin: 'polish' } },
    { name: 'Zoë as Zoe', edit: (d) => (d.given = 'Zoe'), person: { givenName: 'Zoë', sex: 'F' } },
  ]),
  samePerson('case-spacing', 'Lower case, doubled spaces and an unspaced postcode.', [
    { name: 'lower case', edit: (d) => (d.messy = true) },
    { name: 'lower case, hyphenated surname', edit: (d) => (d.messy = true), person: { familyName: 'Hughes-Davies' } },
  ]),
  samePerson('dob-error', 'Date of birth slips: a digit wrong, the year off by one, defaulted to 1 January.', [
    { name: 'a digit wrong', edit: (d) => (d.dob = d.dob ? { ...d.dob, d: d.dob.d === 18 ? 19 : 18 } : null) },
    { name: 'year off by one', edit: (d) => (d.dob = d.dob ? { ...d.dob, y: d.dob.y + 1 } : null) },
    { name: 'defaulted to 1 January', edit: (d) => (d.dob = d.dob ? { y: d.dob.y, m: 1, d: 1 } : null) },
  ]),
  samePerson('dob-format', 'The same date in the other accepted formats (YYYY-MM-DD, YYYYMMDD, DD/MM/YYYY).', [
    { name: 'compact', edit: (d) => (d.dobFormat = 'compact') },
    { name: 'UK style', edit: (d) => (d.dobFormat = 'uk') },
  ]),
  samePerson('missing-fields', 'NHS number, phone or postcode missing on one record.', [
    { name: 'no phone', edit: (d) => (d.phone = '') },
    { name: 'no postcode', edit: (d) => (d.postcode = '') },
    { name: 'no NHS number', edit: (d) => (d.nhs = '') },
  ], undefined, false),
  samePerson('address-spelling', 'Street type abbreviated (Road/Rd, Street/St, Avenue/Ave).', [
    { name: 'abbreviated', edit: (d) => (d.abbreviateStreet = true) },
    { name: 'abbreviated, no postcode', edit: (d) => ((d.abbreviateStreet = true), (d.postcode = '')) },
  ]),
  samePerson('sex-coding', 'Sex in another contract coding (M/F, 1/2, male/female) or unknown.', [
    { name: 'digit coding', edit: (d) => (d.sexCodingOverride = 'digit') },
    { name: 'word coding', edit: (d) => (d.sexCodingOverride = 'word') },
    { name: 'unknown', edit: (d) => (d.sex = 'U') },
  ]),
  samePerson('address-move', 'Moved house between registrations, within the area or to another city.', [
    { name: 'moved within Leeds', edit: (d) => ((d.address = { ...(d.address as NonNullable<RecordDraft['address']>), houseNumber: '7', street: 'Otley', postcode: 'LS6 2QT' }), (d.postcode = 'LS6 2QT')) },
    { name: 'moved to Manchester', edit: (d) => ((d.address = { houseNumber: '41', street: 'Wilmslow', streetType: 0, town: 'Manchester', postcode: 'M14 5TQ', area: 'manchester' }), (d.postcode = 'M14 5TQ')) },
    { name: 'moved to London, phone changed', edit: (d) => ((d.address = { houseNumber: '3', street: 'Coldharbour', streetType: 1, town: 'London', postcode: 'SE5 9NU', area: 'london' }), (d.postcode = 'SE5 9NU'), (d.phone = '07723 418806')) },
  ], 'The NHS number and date of birth agree.', false),
];
