import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { NEVER, Observable, of, throwError } from 'rxjs';
import { ApiError } from '../../core/graphql/api-error';
import { ApprovalsApi } from '../data-access/approvals-api';
import { PendingApproval } from '../data-access/approvals.models';
import { ApprovalsPage, nhsNumbersOf } from './approvals-page';

const person = (id: string, nhs: string[]) => ({
  id,
  status: 'active',
  golden: {
    nhsNumber: nhs[0] ?? null,
    familyName: 'Eze',
    givenName: 'Ifeoma',
    dateOfBirth: '1959-01-17',
    sex: 'F',
    postcode: 'LS6 2QT',
  },
  records: nhs.map((n, i) => ({
    id: `${id}-r${i}`,
    sourceSystem: 'PAS-HULL',
    localId: `L${i}`,
    nhsNumber: n,
    nhsNumberStatus: 'valid',
    familyName: 'EZE',
    givenName: 'Ifeoma',
    dateOfBirth: '1959-01-17',
    postcode: 'LS6 2QT',
  })),
});

const waiting: PendingApproval = {
  id: 'o1',
  kind: 'merge',
  status: 'pending-approval',
  taskId: 't1',
  personId: 'p1',
  otherPersonId: 'p2',
  recordIds: [],
  reason: 'one patient, two registrations',
  approvalReason: 'the two persons hold different valid NHS numbers',
  requestedBy: 'user:ann',
  requestedAt: '2026-11-28T10:00:00Z',
  decidedBy: null,
  decidedAt: null,
  undoneBy: null,
  undoneAt: null,
  person: person('p1', ['9434765919']),
  otherPerson: person('p2', ['9434765870', '9434765870']),
  task: null,
};

describe('ApprovalsPage', () => {
  let pending: jest.Mock<Observable<PendingApproval[]>, []>;

  async function render(result: Observable<PendingApproval[]>): Promise<HTMLElement> {
    pending.mockReturnValue(result);
    const fixture = TestBed.createComponent(ApprovalsPage);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  beforeEach(async () => {
    pending = jest.fn();
    await TestBed.configureTestingModule({
      imports: [ApprovalsPage],
      providers: [provideRouter([]), { provide: ApprovalsApi, useValue: { pending } }],
    }).compileComponents();
  });

  it('announces that it is loading', async () => {
    const element = await render(NEVER);
    expect(element.querySelector('[data-testid="state-loading"]')?.textContent).toContain(
      'Loading merges waiting for approval',
    );
  });

  it('says when nothing waits', async () => {
    const element = await render(of([]));
    expect(element.querySelector('[data-testid="state-empty"]')?.textContent).toContain(
      'No merges are waiting for approval',
    );
  });

  it('shows each waiting merge with who asked, why it waits and both persons', async () => {
    const element = await render(of([waiting]));
    const card = element.querySelector('[data-testid="approval"]');
    const text = card?.textContent ?? '';
    expect(text).toContain('Merge EZE, Ifeoma into EZE, Ifeoma');
    expect(text).toContain('user:ann');
    expect(text).toContain('the two persons hold different valid NHS numbers');
    expect(text).toContain('943 476 5919');
    expect(text).toContain('943 476 5870');
    expect(card?.querySelector('a')?.getAttribute('href')).toBe('/approvals/o1');
  });

  it('offers a retry when the list cannot be loaded', async () => {
    const element = await render(
      throwError(() => new ApiError('NETWORK_ERROR', 'Concord cannot be reached.')),
    );
    expect(element.querySelector('[data-testid="state-error"]')?.textContent).toContain(
      'Concord cannot be reached.',
    );
    pending.mockReturnValue(of([]));
    (element.querySelector('[data-testid="state-error"] button') as HTMLButtonElement).click();
    expect(pending).toHaveBeenCalledTimes(2);
  });

  it('lists each NHS number once', () => {
    expect(nhsNumbersOf(waiting.otherPerson)).toEqual(['9434765870']);
    expect(nhsNumbersOf(null)).toEqual([]);
  });
});
