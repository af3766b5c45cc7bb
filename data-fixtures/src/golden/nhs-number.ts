import { nhsTransposition, nhsTypo, nhsValidButWrong, chiNumber } from '../model/nhs-numbers';
import { Person } from '../model/types';
import { RecordDraft } from '../model/draft';
import { GoldenBuilder } from './builder';
import { GoldenScenarioSpec } from './scenario-spec';

/** Two records of one person, the second edited; cases differ by the person drawn. */
function pairs(b: GoldenBuilder, count: number, edit: (d: RecordDraft, p: Person, i: number) => void, systems: [string, string] = ['PAS-MFT', 'RIS-MFT']) {
  return Array.from({ length: count }, (_, i) => {
    const p = b.person({});
    return { p, records: [b.record(p, systems[0]), b.record(p, systems[1], (d) => edit(d, p, i))] as const };
  });
}

/** NHS-number faults and the identity events that give one person several numbers. */
export const NHS_NUMBER: GoldenScenarioSpec[] = [
  {
    scenario: 'nhs-number-typo',
    description: 'One digit of the NHS number mistyped: fails Modulus 11, so it is no evidence either way.',
    build: (b) =>
      pairs(b, 3, (d) => (d.nhs = nhsTypo(b.rng, d.nhs))).map(({ p, records }) =>
        b.case(`${p.identity.givenName} ${p.identity.familyName}`, 'same-person', [[p, records[0]], [p, records[1]]], 'Demographics agree; the mistyped number fails the check.'),
      ),
  },
  {
    scenario: 'nhs-number-transposition',
    description: 'Two adjacent digits of the NHS number swapped: fails Modulus 11.',
    build: (b) =>
      pairs(b, 3, (d) => (d.nhs = nhsTransposition(b.rng, d.nhs))).map(({ p, records }) =>
        b.case(`${p.identity.givenName} ${p.identity.familyName}`, 'same-person', [[p, records[0]], [p, records[1]]]),
      ),
  },
  {
    scenario: 'nhs-number-formatting',
    description: 'The same NHS number sent plain, with spaces or with dashes.',
    build: (b) =>
      pairs(b, 3, (d, _p, i) => (d.nhsLayout = i === 0 ? 'spaced' : i === 1 ? 'dashed' : 'plain'), ['PAS-YORK', 'RIS-MFT']).map(({ p, records }) =>
        b.case(`${p.identity.givenName} ${p.identity.familyName}`, 'same-person', [[p, records[0]], [p, records[1]]]),
      ),
  },
  {
    scenario: 'nhs-number-valid-but-wrong',
    description: 'A number that passes Modulus 11 but is not the patient\'s (mistyped in two places, or the wrong trace result).',
    build: (b) =>
      pairs(b, 3, (d) => (d.nhs = nhsValidButWrong(b.rng, d.nhs))).map(({ p, records }) =>
        b.case(`${p.identity.givenName} ${p.identity.familyName}`, 'needs-review', [[p, records[0]], [p, records[1]]], 'Same person; two valid numbers conflict, so a steward confirms.'),
      ),
  },
  {
    scenario: 'nhs-number-confusion',
    description: 'Two different people sharing one NHS number: one person\'s record filed under a household member\'s number.',
    build: (b) =>
      [0, 1, 2].map((i) => {
        const a = b.person({ age: 40 + i * 10, sex: 'M' });
        const c = b.person({ age: 35 + i * 12, sex: 'F', familyName: a.identity.familyName, address: a.address, origin: a.origin });
        return b.case(`${a.identity.familyName} household`, 'needs-review', [
          [a, b.record(a, 'PAS-GSTT')],
          [c, b.record(c, 'RIS-KCH', (d) => ((d.nhs = a.identity.nhsNumber), (d.nhsKind = 'confusion')))],
        ], 'Different people (truth): the shared number must not link them; a steward corrects the number.');
      }),
  },
  {
    scenario: 'duplicate-registration',
    description: 'One person holding two valid NHS numbers (a second registration).',
    build: (b) =>
      pairs(b, 3, (d) => ((d.nhs = b.nextNhsNumber()), (d.nhsKind = 'duplicate-registration'))).map(({ p, records }) =>
        b.case(`${p.identity.givenName} ${p.identity.familyName}`, 'needs-review', [[p, records[0]], [p, records[1]]], 'Same person (truth); the duplicate number is reported for retirement.'),
      ),
  },
  {
    scenario: 'hospital-number-in-nhs-field',
    description: 'The hospital number (MRN) typed into the NHS number field.',
    build: (b) =>
      pairs(b, 3, (d) => ((d.nhs = d.localId), (d.nhsLayout = 'plain')), ['PAS-LEEDS', 'RIS-MFT']).map(({ p, records }) =>
        b.case(`${p.identity.givenName} ${p.identity.familyName}`, 'same-person', [[p, records[0]], [p, records[1]]], 'The field holds no NHS number; demographics agree.'),
      ),
  },
  {
    scenario: 'chi-number',
    description: 'A Scottish CHI number (DDMMYY + 4 digits, Modulus 11) on the record of a patient who moved south.',
    build: (b) =>
      pairs(b, 3, (d, p) => ((d.nhs = chiNumber(b.rng, p.dob, p.identity.sex, new Set())), (d.nhsKind = 'chi'))).map(({ p, records }) =>
        b.case(`${p.identity.givenName} ${p.identity.familyName}`, 'same-person', [[p, records[0]], [p, records[1]]], 'A CHI number (first digits 010–311) is another scheme, not a conflicting NHS number; demographics agree.'),
      ),
  },
  {
    scenario: 'test-range-number',
    description: 'A 999-range test NHS number typed for real patients: shared by unrelated people, evidence of nothing.',
    build: (b) => {
      const test = '9990001200';
      const cases = [0, 1].map(() => {
        const a = b.person({});
        const c = b.person({});
        return b.case('two patients with the same test number', 'different-people', [
          [a, b.record(a, 'RIS-LEEDS', (d) => (d.nhs = test))],
          [c, b.record(c, 'RIS-UHB', (d) => (d.nhs = test))],
        ]);
      });
      const p = b.person({});
      cases.push(b.case('own number and a test number', 'same-person', [[p, b.record(p, 'PAS-UHB')], [p, b.record(p, 'RIS-UHB', (d) => (d.nhs = test))]]));
      return cases;
    },
  },
  {
    scenario: 'identity-change',
    description: 'Adoption or gender reassignment: a new NHS number and sometimes a new name and sex for the same person.',
    build: (b) =>
      [0, 1, 2].map((i) => {
        const p = b.person({ age: i === 0 ? 6 : 30 + i * 5, sex: i === 2 ? 'M' : 'F' });
        const next = { ...p.identity, middleNames: p.identity.middleNames.slice(), nhsNumber: b.nextNhsNumber() };
        if (i === 0) next.familyName = 'Ashworth';
        if (i === 2) {
          next.sex = 'F';
          next.givenName = 'Sophie';
          next.middleNames = [];
        }
        return b.case(
          i === 0 ? 'adoption' : i === 1 ? 'new number only' : 'gender reassignment',
          'needs-review',
          [
            [p, b.record(p, 'PAS-LEEDS')],
            [p, b.record(p, 'RIS-LEEDS', (d) => (d.nhsKind = 'identity-change'), next)],
          ],
          'Same person (truth); a deliberate new identity is never relinked by matching.',
        );
      }),
  },
];
