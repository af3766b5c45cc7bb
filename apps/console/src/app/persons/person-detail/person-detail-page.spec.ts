import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Observable, of, throwError } from 'rxjs';
import { ApiError } from '../../core/graphql/api-error';
import { PersonsApi } from '../data-access/persons-api';
import { StewardApi } from '../../queues/data-access/steward-api';
import { of as ofHistory } from 'rxjs';
import { PersonDetail, SourceRecord } from '../data-access/persons.models';
import { groupBySource, PersonDetailPage } from './person-detail-page';

function record(overrides: Partial<SourceRecord>): SourceRecord {
  return {
    id: 'r',
    sourceSystem: 'RIS-LEEDS',
    localId: 'L1',
    nhsNumber: '9434765919',
    nhsNumberStatus: 'valid',
    familyName: 'Smith',
    givenName: 'Ann',
    otherGivenNames: null,
    dateOfBirth: '1980-01-02',
    sex: 'F',
    postcode: 'LS1 4AP',
    addressLine: null,
    phone: null,
    email: null,
    flags: [],
    link: { type: 'auto', score: 18.234, matchProbability: 0.9991, modelVersion: 'fs-2026.11', linkedAt: '2026-11-01T10:00:00Z', linkedBy: 'system' },
    ...overrides,
  };
}

const person: PersonDetail = {
  id: 'p1',
  status: 'active',
  successorId: null,
  createdAt: '2026-10-01T09:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
  golden: { nhsNumber: '9434765919', familyName: 'Smith', givenName: 'Ann', dateOfBirth: '1980-01-02', sex: 'F', postcode: 'LS1 4AP' },
  records: [
    record({ id: 'r1', sourceSystem: 'RIS-LEEDS', localId: 'L1' }),
    record({ id: 'r2', sourceSystem: 'PACS-YORK', localId: 'Y9', nhsNumber: '9434765918', nhsNumberStatus: 'invalid', flags: ['nhs-number-invalid'] }),
    record({ id: 'r3', sourceSystem: 'RIS-LEEDS', localId: 'L0', link: { type: 'manual', score: null, matchProbability: null, modelVersion: null, linkedAt: '2026-11-02T10:00:00Z', linkedBy: 'senior' } }),
  ],
};

describe('PersonDetailPage', () => {
  let fixture: ComponentFixture<PersonDetailPage>;
  let get: jest.Mock<Observable<PersonDetail | null>, [string]>;
  let element: HTMLElement;

  async function render(result: Observable<PersonDetail | null>): Promise<void> {
    get.mockReturnValue(result);
    fixture = TestBed.createComponent(PersonDetailPage);
    fixture.componentRef.setInput('id', 'p1');
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  beforeEach(async () => {
    get = jest.fn();
    await TestBed.configureTestingModule({
      imports: [PersonDetailPage],
      providers: [
        provideRouter([]),
        { provide: PersonsApi, useValue: { get } },
        { provide: StewardApi, useValue: { personHistory: () => ofHistory({ id: 'p1', linkHistory: [], operations: [] }) } },
      ],
    }).compileComponents();
  });

  it('shows the golden view and groups linked records by source system', async () => {
    await render(of(person));
    expect(get).toHaveBeenCalledWith('p1');
    expect(element.querySelector('h1')?.textContent).toContain('SMITH, Ann');
    expect(element.querySelector('[data-testid="golden-view"]')?.textContent).toContain('943 476 5919');
    const groups = [...element.querySelectorAll('[data-testid="source-group"] h3')].map((h) => h.textContent?.replace(/\s+/g, ' ').trim());
    expect(groups).toEqual(['PACS-YORK 1 record', 'RIS-LEEDS 2 records']);
    const leedsIds = [...element.querySelectorAll('[data-testid="source-group"]:nth-of-type(2) [data-testid="record-local-id"]')].map((e) => e.textContent);
    expect(leedsIds).toEqual(['L0', 'L1']);
  });

  it('flags an invalid NHS number visibly and in words', async () => {
    await render(of(person));
    const flagged = element.querySelectorAll('.record--flagged');
    expect(flagged).toHaveLength(1);
    expect(flagged[0].querySelector('[data-testid="nhs-status"]')?.textContent).toContain('Invalid');
    expect(flagged[0].textContent).toContain('Fails the Modulus 11 check');
  });

  it('shows how each record was linked', async () => {
    await render(of(person));
    const links = [...element.querySelectorAll('[data-testid="record-link"]')].map((l) => l.textContent?.replace(/\s+/g, ' ') ?? '');
    expect(links.some((text) => text.includes('Automatic') && text.includes('18.23') && text.includes('99.9%') && text.includes('fs-2026.11'))).toBe(true);
    expect(links.some((text) => text.includes('Manual') && text.includes('senior'))).toBe(true);
  });

  it('says when the person does not exist', async () => {
    await render(of(null));
    expect(element.querySelector('h1')?.textContent).toContain('Person not found');
  });

  it('shows an error and retries', async () => {
    await render(throwError(() => new ApiError('INTERNAL_SERVER_ERROR', 'Concord had a problem answering.')));
    expect(element.querySelector('[data-testid="state-error"]')?.textContent).toContain('Concord had a problem answering.');
    get.mockReturnValue(of(person));
    element.querySelector<HTMLButtonElement>('[data-testid="state-error"] button')?.click();
    await fixture.whenStable();
    expect(element.querySelector('h1')?.textContent).toContain('SMITH, Ann');
  });

  it('orders groups by system and records by local id', () => {
    expect(groupBySource(person.records).map((g) => [g.system, g.records.map((r) => r.localId)])).toEqual([
      ['PACS-YORK', ['Y9']],
      ['RIS-LEEDS', ['L0', 'L1']],
    ]);
  });
});
