import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { of } from 'rxjs';
import { Session } from '../core/auth/session';
import type { SourceRecord } from '../persons/data-access/persons.models';
import { StewardApi } from '../queues/data-access/steward-api';
import { ReviewTask, TaskComparison } from '../queues/data-access/steward.models';
import { ComparePage } from './compare-page';

const record: SourceRecord = {
  id: 'r1',
  sourceSystem: 'PACS-LONDON',
  localId: 'S1',
  nhsNumber: null,
  nhsNumberStatus: 'missing',
  familyName: 'ROBERTS',
  givenName: 'James',
  otherGivenNames: null,
  dateOfBirth: '1978-05-10',
  sex: 'M',
  postcode: 'NW1 7QE',
  addressLine: null,
  phone: null,
  email: null,
  flags: [],
  link: null,
};
const standardised = {
  nhsNumber: null,
  familyName: 'ROBERTS',
  givenNames: ['JAMES'],
  dateOfBirth: '1978-05-10',
  sex: 'M',
  postcode: 'NW17QE',
  addressTokens: [],
  phone: null,
};
const task = (over: Partial<ReviewTask>): ReviewTask => ({
  id: 't1',
  queue: 'NHS_TRACE',
  status: 'OPEN',
  priority: 100,
  score: 0,
  matchProbability: 0,
  modelVersion: '',
  sourceSystems: ['PACS-LONDON'],
  recordId: 'r1',
  candidatePersonId: null,
  assignee: null,
  leaseUntil: null,
  resolution: null,
  reason: null,
  note: null,
  createdAt: '2026-11-28T10:00:00Z',
  ageHours: 1,
  version: 3,
  ...over,
});
const traceComparison = (over: Partial<ReviewTask>): TaskComparison => ({
  task: task(over),
  recordSide: {
    person: {
      id: 'p1',
      status: 'active',
      golden: {
        nhsNumber: null,
        familyName: 'ROBERTS',
        givenName: 'James',
        dateOfBirth: '1978-05-10',
        sex: 'M',
        postcode: 'NW1 7QE',
      },
    },
    records: [
      { record, standardised },
      {
        record: {
          ...record,
          id: 'r2',
          sourceSystem: 'PAS-GSTT',
          nhsNumber: '4150053790',
          nhsNumberStatus: 'valid',
        },
        standardised,
      },
    ],
  },
  candidateSide: { person: null, records: [] },
  explanation: null,
  keptApart: false,
});

describe('ComparePage', () => {
  const api = {
    comparison: jest.fn(),
    claim: jest.fn(),
    release: jest.fn(),
    decide: jest.fn(),
    claimNext: jest.fn(),
  };

  async function render(comparison: TaskComparison): Promise<HTMLElement> {
    api.comparison.mockReturnValue(of(comparison));
    const fixture = TestBed.createComponent(ComparePage);
    fixture.componentRef.setInput('id', 't1');
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  beforeEach(async () => {
    jest.resetAllMocks();
    await TestBed.configureTestingModule({
      imports: [ComparePage],
      providers: [
        provideRouter([]),
        { provide: StewardApi, useValue: api },
        { provide: Session, useValue: { user: () => ({ username: 'steward', role: 'steward' }) } },
      ],
    }).compileComponents();
  });

  it('shows a number to trace without a candidate: the record, the lead and only Traced or Defer', async () => {
    const element = await render(traceComparison({}));
    expect(element.querySelector('[data-testid="trace-reason"]')?.textContent).toContain(
      'without an NHS number',
    );
    expect(element.querySelector('[data-testid="trace-known"]')?.textContent).toContain('from PAS-GSTT');
    expect(element.querySelector('[data-testid="decide-traced"]')).not.toBeNull();
    expect(element.querySelector('[data-testid="decide-same"]')).toBeNull();
    expect(element.querySelector('[data-testid="comparison-table"]')).toBeNull();
    expect(element.querySelector('[data-testid="claim-task"]')).not.toBeNull();
    expect(element.querySelector('[data-testid="release-task"]')).toBeNull();
  });

  it('says so when the record already belongs to the candidate person, and still offers Same person', async () => {
    const base = traceComparison({ queue: 'NHS_DUPLICATE', candidatePersonId: 'p1' });
    const element = await render({
      ...base,
      candidateSide: { person: base.recordSide.person, records: base.recordSide.records },
    });
    expect(element.querySelector('[data-testid="already-one-person"]')?.textContent).toContain(
      'already belongs to the candidate person',
    );
    expect(element.querySelector('[data-testid="comparison-table"]')).toBeNull();
    expect(element.querySelector('[data-testid="decide-same"]')).not.toBeNull();
  });

  it('releases a task the steward holds with r, and goes back to the queues', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    api.release.mockReturnValue(of(task({ status: 'OPEN' })));
    const element = await render(traceComparison({ status: 'CLAIMED', assignee: 'user:steward' }));
    expect(element.querySelector('[data-testid="release-task"]')?.textContent).toContain('Release');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'r' }));
    expect(api.release).toHaveBeenCalledWith('t1', 3);
    expect(navigate).toHaveBeenCalledWith(['/queues'], {
      state: { message: 'You released the task: it is open for any steward again.' },
    });
  });

  it("offers no release of another steward's claim", async () => {
    const element = await render(traceComparison({ status: 'CLAIMED', assignee: 'user:ann' }));
    expect(element.querySelector('[data-testid="release-task"]')).toBeNull();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'r' }));
    expect(api.release).not.toHaveBeenCalled();
    expect(element.querySelector('[data-testid="not-workable"]')?.textContent).toContain(
      'claimed by user:ann',
    );
  });
});
