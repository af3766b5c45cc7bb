import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { DashboardPage } from './dashboard-page';
import { IndexInsight } from './data-access/insight.models';

const insight: IndexInsight = {
  from: '2026-03-09T00:00:00.000Z',
  to: '2026-03-11T00:00:00.000Z',
  days: 2,
  queueSizes: [
    { day: '2026-03-09', queues: [{ queue: 'possible-duplicate', open: 3 }, { queue: 'nhs-trace', open: 1 }] },
    { day: '2026-03-10', queues: [{ queue: 'possible-duplicate', open: 2 }, { queue: 'nhs-trace', open: 4 }] },
  ],
  flow: [
    { day: '2026-03-09', created: 4, resolved: 0 },
    { day: '2026-03-10', created: 3, resolved: 2 },
  ],
  turnaround: { resolvedCount: 2, medianSeconds: 7200, p90Seconds: 90000 },
  autoLink: { registrationLinks: 10, autoLinks: 4, rate: 0.4 },
  sourceQuality: [
    { sourceSystem: 'RIS', records: 10, invalidNhsNumber: 1, missingNhsNumber: 1, duplicateRecords: 2, duplicateRate: 0.2 },
  ],
};

describe('DashboardPage', () => {
  let controller: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => controller.verify());

  it('draws the charts, the figures and the data quality table', async () => {
    const fixture = TestBed.createComponent(DashboardPage);
    fixture.detectChanges();
    expect(fixture.nativeElement.querySelector('[data-testid="state-loading"]')).not.toBeNull();
    const call = controller.expectOne('/graphql');
    expect(call.request.body.variables).toEqual({ days: 30 });
    call.flush({ data: { indexInsight: insight } });
    fixture.detectChanges();
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="figure-open"]')?.textContent).toContain('6');
    expect(el.querySelector('[data-testid="figure-median"]')?.textContent).toContain('2 h');
    expect(el.querySelector('[data-testid="figure-p90"]')?.textContent).toContain('25 h');
    expect(el.querySelector('[data-testid="figure-auto-link"]')?.textContent).toContain('40%');
    expect(el.querySelectorAll('[data-testid="chart-line"]')).toHaveLength(2);
    expect(el.querySelectorAll('[data-testid="chart-bar"]')).toHaveLength(4);
    const svg = el.querySelector('[data-testid="queue-chart"] svg');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.getAttribute('aria-label')).toContain('Possible duplicates 2');
    const row = el.querySelector('[data-testid="quality-row"]')?.textContent ?? '';
    expect(row).toContain('RIS');
    expect(row).toContain('20%');
  });

  it('says so when the figures cannot be loaded, and retries', () => {
    const fixture = TestBed.createComponent(DashboardPage);
    fixture.detectChanges();
    controller.expectOne('/graphql').flush({ errors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } }] });
    fixture.detectChanges();
    const error: HTMLElement | null = fixture.nativeElement.querySelector('[data-testid="state-error"]');
    expect(error?.textContent).toContain('Your role does not allow this');
    error?.querySelector('button')?.click();
    controller.expectOne('/graphql').flush({ data: { indexInsight: { ...insight, sourceQuality: [] } } });
    fixture.detectChanges();
    expect(fixture.nativeElement.textContent).toContain('No source records yet');
  });
});
