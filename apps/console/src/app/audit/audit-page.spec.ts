import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuditPage } from './audit-page';
import { AuditListStore } from './data-access/audit-list.store';
import { AuditEvent } from './data-access/audit.models';

const event = (seq: string, personIds: string[] = []): AuditEvent => ({
  seq,
  occurredAt: '2026-03-01T10:00:00Z',
  actor: 'user:steward',
  actorRole: 'steward',
  action: 'person.merged',
  personIds,
  recordIds: [],
  reason: 'same twin',
  requestId: null,
});

describe('AuditPage', () => {
  let controller: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), AuditListStore],
    });
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => controller.verify());

  it('lists the newest events, keeping long person lists short', () => {
    const fixture = TestBed.createComponent(AuditPage);
    fixture.detectChanges();
    const call = controller.expectOne('/graphql');
    expect(call.request.body.variables).toEqual({ filter: {}, first: 50, after: null });
    call.flush({
      data: {
        auditEvents: {
          nodes: [event('9', ['a1', 'a2', 'a2', 'a3', 'a4', 'a5']), event('8')],
          pageInfo: { endCursor: 'c8', hasNextPage: true },
        },
      },
    });
    fixture.detectChanges();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelectorAll('[data-testid="audit-row"]')).toHaveLength(2);
    expect(el.querySelector('[data-testid="audit-more-persons"]')?.textContent).toContain('and 2 more persons');
  });

  it('applies the filter and refuses a range that ends before it starts', () => {
    const fixture = TestBed.createComponent(AuditPage);
    fixture.detectChanges();
    controller.expectOne('/graphql').flush({ data: { auditEvents: { nodes: [], pageInfo: { endCursor: null, hasNextPage: false } } } });
    fixture.detectChanges();
    expect(fixture.nativeElement.textContent).toContain('There are no audit events yet');

    const page = fixture.componentInstance;
    page.form.setValue({ fromDay: '2026-03-02', toDay: '2026-03-01', personId: '', actor: '', action: '' });
    page.applyFilter();
    fixture.detectChanges();
    expect(fixture.nativeElement.querySelector('[data-testid="filter-problem"]')?.textContent).toContain('must not be after');
    controller.expectNone('/graphql');

    page.form.setValue({ fromDay: '', toDay: '', personId: ' p1 ', actor: '', action: 'person.merged' });
    page.applyFilter();
    const call = controller.expectOne('/graphql');
    expect(call.request.body.variables.filter).toEqual({ personId: 'p1', action: 'person.merged' });
    call.flush({ data: { auditEvents: { nodes: [], pageInfo: { endCursor: null, hasNextPage: false } } } });
    fixture.detectChanges();
    expect(fixture.nativeElement.textContent).toContain('No events match the filter');
  });
});
