import { PHONETIC_ALPHABET } from '../data/given-names';
import { NO_FIXED_ABODE_POSTCODE } from '../data/places';
import { drawDob } from '../model/person';
import { GoldenBuilder } from './builder';
import { GoldenScenarioSpec } from './scenario-spec';

/** Look-alike different people: the cases that cost a matcher its precision. */
export const HARD_NEGATIVES: GoldenScenarioSpec[] = [
  {
    scenario: 'twins',
    description: 'Twins: same surname, date of birth, address, postcode and phone; different given names, sometimes close (Jack/Jake) or carrying the co-twin\'s NHS number.',
    build: (b: GoldenBuilder) => {
      const pairs = [
        ['Oliver', 'Amelia', 'M', 'F'],
        ['Jack', 'Jake', 'M', 'M'],
        ['Ella', 'Ellie', 'F', 'F'],
        ['Hassan', 'Hussain', 'M', 'M'],
      ] as const;
      return pairs.map(([g1, g2, s1, s2], i) => {
        const a = b.person({ givenName: g1, sex: s1, age: 4 + i * 5, origin: i === 3 ? 'south-asian' : 'british' });
        const t = b.person({ givenName: g2, sex: s2, dob: a.dob, familyName: a.identity.familyName, address: a.address, phone: a.phone, origin: a.origin });
        const borrowed = i === 3;
        return b.case(
          `${g1} and ${g2} ${a.identity.familyName}`,
          'different-people',
          [
            [a, b.record(a, 'PAS-LEEDS')],
            [t, b.record(t, 'RIS-LEEDS', borrowed ? (d) => ((d.nhs = a.identity.nhsNumber), (d.nhsKind = 'confusion')) : undefined)],
          ],
          borrowed ? 'The second twin\'s record carries the first twin\'s NHS number: a confusion, not a match.' : undefined,
        );
      });
    },
  },
  {
    scenario: 'triplets',
    description: 'Triplets: three people sharing surname, date of birth and address.',
    build: (b) =>
      [0, 1, 2].map((i) => {
        const a = b.person({ age: 1 + i * 6, sex: 'F' });
        const others = [b.person({ sex: 'M', dob: a.dob, familyName: a.identity.familyName, address: a.address, phone: a.phone, origin: a.origin }), b.person({ sex: i === 0 ? 'F' : 'M', dob: a.dob, familyName: a.identity.familyName, address: a.address, phone: a.phone, origin: a.origin })];
        return b.case(`${a.identity.familyName} triplets`, 'different-people', [
          [a, b.record(a, 'PAS-MFT')],
          [others[0], b.record(others[0], 'RIS-MFT')],
          [others[1], b.record(others[1], 'PAS-MFT')],
        ]);
      }),
  },
  {
    scenario: 'mother-newborn',
    description: 'Mother and newborn: the baby\'s birth registration "BABY OF <surname>" shares the mother\'s surname, address and phone.',
    build: (b) =>
      [0, 1, 2, 3].map((i) => {
        const mother = b.person({ sex: 'F', age: 22 + i * 5 });
        const baby = b.person({ age: 0, familyName: mother.identity.familyName, address: mother.address, phone: mother.phone, origin: mother.origin, middleNames: [] });
        const style = i % 3;
        return b.case(`${mother.identity.familyName} mother and baby`, 'different-people', [
          [mother, b.record(mother, 'PAS-GSTT')],
          [
            baby,
            b.record(baby, 'PAS-GSTT', (d) => {
              d.given = style === 0 ? 'Baby' : style === 1 ? 'Baby Of' : '';
              d.family = style === 2 ? `Baby Of ${d.family}` : d.family;
              d.middle = [];
              if (i === 3) d.nhs = mother.identity.nhsNumber;
            }),
          ],
        ], i === 3 ? 'The baby\'s record carries the mother\'s NHS number.' : undefined);
      }),
  },
  {
    scenario: 'father-son',
    description: 'Father and son with the same given and family name at the same address, born decades apart.',
    build: (b) =>
      [0, 1, 2, 3].map((i) => {
        const father = b.person({ sex: 'M', age: 50 + i * 7 });
        const son = b.person({ sex: 'M', age: 22 + i * 3, givenName: father.identity.givenName, familyName: father.identity.familyName, middleNames: i % 2 === 0 ? father.identity.middleNames.slice() : undefined, address: father.address, origin: father.origin });
        return b.case(`${father.identity.givenName} ${father.identity.familyName} senior and junior`, 'different-people', [
          [father, b.record(father, 'PAS-YORK', i === 1 ? (d) => (d.nhs = '') : undefined)],
          [son, b.record(son, 'PACS-YORK', i >= 2 ? (d) => (d.nhs = '') : undefined)],
        ], i >= 1 ? 'An NHS number is missing, so only the dates of birth tell them apart.' : undefined);
      }),
  },
  {
    scenario: 'common-name-collision',
    description: 'Different people with a very common name born in the same year (sometimes on the same day), at different addresses, some without NHS numbers.',
    build: (b) =>
      (
        [
          ['John', 'Smith', 'M', 'british'],
          ['Mohammed', 'Khan', 'M', 'south-asian'],
          ['Margaret', 'Smith', 'F', 'british'],
          ['Fatima', 'Begum', 'F', 'south-asian'],
        ] as const
      ).map(([given, family, sex, origin], i) => {
        const year = drawDob(b.rng).y;
        const a = b.person({ givenName: given, familyName: family, sex, origin, dob: { y: year, m: 3 + i, d: 10 + i } });
        const c = b.person({ givenName: given, familyName: family, sex, origin, dob: i % 2 === 0 ? a.dob : { y: year, m: 9, d: 2 + i } });
        const d = b.person({ givenName: given, familyName: family, sex, origin, dob: { y: year, m: 11, d: 20 } });
        const noNhs = (x: { nhs: string }): void => void (x.nhs = '');
        return b.case(`${given} ${family} born ${year}`, 'different-people', [
          [a, b.record(a, 'RIS-KCH', noNhs)],
          [c, b.record(c, 'PAS-GSTT', noNhs)],
          [d, b.record(d, 'RIS-UHB')],
        ], i % 2 === 0 ? 'The first two share the full date of birth and have no NHS number.' : undefined);
      }),
  },
  {
    scenario: 'placeholder',
    description: 'Records of unidentified patients with placeholder values (UNKNOWN, XXX, 1900-01-01, 0000000000, ZZ99 3VZ): each a different person.',
    build: (b) =>
      (
        [
          ['UNKNOWN', 'UNKNOWN', '1900-01-01', '', 'U'],
          ['XXX', 'XXX', '1900-01-01', '0000000000', 'M'],
          ['UNKNOWN MALE', '', '', '', 'M'],
          ['NOT KNOWN', 'NK', '1900-01-01', '9999999999', 'F'],
        ] as const
      ).map(([family, given, dob, nhs, sex], i) => {
        const people = [b.person({}), b.person({})];
        return b.case(`${family} / ${given || '(blank)'}`, 'different-people', people.map((p, j) => [
          p,
          b.record(p, j === 0 ? 'PAS-LEEDS' : 'PAS-MFT', (d) => {
            d.family = family;
            d.given = given;
            d.middle = [];
            d.dobText = dob;
            d.nhs = nhs;
            d.sex = sex;
            d.address = null;
            d.postcode = i % 2 === 0 ? NO_FIXED_ABODE_POSTCODE : '';
            d.phone = '';
            d.email = '';
          }),
        ]), 'Identical placeholder values are not evidence: blank them before comparing.');
      }),
  },
  {
    scenario: 'emergency-alias',
    description: 'Unidentified emergency patients named with the phonetic alphabet ("FOXTROT WHISKY") and 1 January of an estimated year: an alias of a known person is reconciled by a steward; two aliases are different people.',
    build: (b) => {
      const alias = (p: ReturnType<GoldenBuilder['person']>, words: [string, string], yearShift: number) =>
        b.record(p, 'PAS-LEEDS', (d) => {
          d.given = words[0];
          d.family = words[1];
          d.middle = [];
          d.nhs = '';
          d.dob = { y: p.dob.y + yearShift, m: 1, d: 1 };
          d.address = null;
          d.postcode = '';
          d.phone = '';
          d.email = '';
        });
      const cases = [0, 1].map((i) => {
        const p = b.person({ age: 30 + i * 20 });
        const words: [string, string] = [PHONETIC_ALPHABET[5 + i], PHONETIC_ALPHABET[22 - i]];
        return b.case(`${words.join(' ')} is ${p.identity.givenName} ${p.identity.familyName}`, 'needs-review', [
          [p, b.record(p, 'RIS-LEEDS')],
          [p, alias(p, words, i === 0 ? 0 : 3)],
        ], 'Same person (the alias was later identified): merged by a steward, never by the matcher.');
      });
      const x = b.person({ age: 40, sex: 'M' });
      const y = b.person({ age: 41, sex: 'M' });
      cases.push(
        b.case('two unidentified men', 'different-people', [
          [x, alias(x, ['FOXTROT', 'WHISKY'], 0)],
          [y, alias(y, ['FOXTROT', 'WHISKY'], x.dob.y - y.dob.y)],
        ], 'Alias names are reused by the department; they identify nobody.'),
      );
      return cases;
    },
  },
];
