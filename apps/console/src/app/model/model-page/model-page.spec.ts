import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { of, throwError } from 'rxjs';
import { ApiError } from '../../core/graphql/api-error';
import { Session } from '../../core/auth/session';
import { ModelApi } from '../data-access/model-api';
import { ModelStore } from '../data-access/model.store';
import { ModelOverview, ModelPreview, ScoreHistogram } from '../data-access/model.models';
import { barPercent, ModelPage } from './model-page';
import { histogramGeometry } from './score-histogram';

const histogram: ScoreHistogram = {
  modelVersion: 'm1',
  binWidth: 2,
  bins: [
    { from: -4, to: -2, links: 0, tasks: 1 },
    { from: -2, to: 0, links: 0, tasks: 3 },
    { from: 0, to: 2, links: 0, tasks: 0 },
    { from: 2, to: 4, links: 5, tasks: 0 },
    { from: 4, to: 6, links: 40, tasks: 0 },
  ],
  linkWeight: 6.63,
  reviewWeight: -4.25,
  totalLinks: 45,
  totalTasks: 4,
};

const overview: ModelOverview = {
  matchModel: {
    version: 'm1',
    description: 'test model',
    prior: 0.0001,
    priorWeight: -13.3,
    thresholds: { link: 0.99, review: 0.05, linkWeight: 6.63, reviewWeight: -4.25 },
    fields: [
      {
        field: 'familyName',
        termFrequency: true,
        levels: [
          { id: 'exact', label: 'Exact', m: 0.9, u: 0.001, weight: 9.81 },
          { id: 'different', label: 'Different', m: 0.05, u: 0.99, weight: -4.3 },
        ],
      },
    ],
    blockingRules: [{ name: 'nhs', on: ['nhs'], maxBlockSize: null }],
    maxBlockSize: 1000,
    document: '{"version":"m1"}',
  },
  modelVersions: [
    {
      version: 'm1',
      status: 'active',
      shipped: true,
      current: true,
      description: null,
      createdBy: null,
      createdAt: null,
      activatedBy: null,
      activatedAt: null,
    },
  ],
  scoreHistogram: histogram,
};

const preview: ModelPreview = {
  version: 'm2',
  currentVersion: 'm1',
  scored: 4,
  skipped: 0,
  wouldLink: 3,
  wouldStay: 1,
  wouldDrop: 0,
  changed: 3,
  changes: [
    {
      taskId: 'aaaaaaaa-1',
      taskType: 'possible-duplicate',
      currentWeight: -1,
      currentProbability: 0.3,
      proposedWeight: -1,
      proposedProbability: 0.3,
      outcome: 'would-link',
      currentOutcome: 'would-stay',
    },
  ],
  current: histogram,
  proposed: { ...histogram, modelVersion: 'm2', linkWeight: -5 },
};

describe('ModelPage', () => {
  let fixture: ComponentFixture<ModelPage>;
  let element: HTMLElement;
  let api: { overview: jest.Mock; load: jest.Mock; preview: jest.Mock; activate: jest.Mock };
  let role = 'admin';

  function byTestId<T extends HTMLElement>(id: string): T {
    const found = element.querySelector<T>(`[data-testid="${id}"]`);
    if (!found) throw new Error(`no ${id}`);
    return found;
  }

  async function render(): Promise<void> {
    fixture = TestBed.createComponent(ModelPage);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    fixture.detectChanges();
  }

  beforeEach(async () => {
    api = { overview: jest.fn(() => of(overview)), load: jest.fn(), preview: jest.fn(), activate: jest.fn() };
    await TestBed.configureTestingModule({
      imports: [ModelPage],
      providers: [
        provideRouter([]),
        ModelStore,
        { provide: ModelApi, useValue: api },
        { provide: Session, useValue: { user: () => ({ username: 'u', role }) } },
      ],
    }).compileComponents();
  });

  it('shows the thresholds, a weight bar per level and the histogram with both thresholds', async () => {
    role = 'steward';
    await render();
    expect(element.querySelector('[data-testid="model-version"]')?.textContent).toBe('m1');
    expect(element.querySelector('[data-testid="threshold-link"]')?.textContent).toContain('0.99');
    expect(element.querySelectorAll('[data-testid="model-weights"] .wbar--pos')).toHaveLength(1);
    expect(element.querySelectorAll('[data-testid="model-weights"] .wbar--neg')).toHaveLength(1);
    expect(element.querySelectorAll('[data-testid="score-histogram"] .threshold')).toHaveLength(2);
    expect(element.querySelector('[data-testid="model-admin"]')).toBeNull();
  });

  it('shows an error with a retry when the model cannot be read', async () => {
    api.overview.mockReturnValue(
      throwError(() => new ApiError('NETWORK_ERROR', 'Concord cannot be reached.')),
    );
    await render();
    expect(element.querySelector('[data-testid="state-error"]')?.textContent).toContain(
      'Concord cannot be reached.',
    );
  });

  it('lets an administrator load a draft, shows the validation error, then the preview, and activates', async () => {
    role = 'admin';
    await render();
    const textarea = byTestId<HTMLTextAreaElement>('model-document');
    textarea.value = '{"version":"m2"}';
    textarea.dispatchEvent(new Event('input'));
    api.load.mockReturnValueOnce(
      throwError(() => new ApiError('BAD_USER_INPUT', '$.prior: must be a finite number')),
    );
    byTestId<HTMLButtonElement>('model-load').click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('[data-testid="model-error"]')?.textContent).toContain(
      '$.prior: must be a finite number',
    );

    api.load.mockReturnValueOnce(
      of({ ...overview.modelVersions[0], version: 'm2', status: 'draft', current: false, shipped: false }),
    );
    api.preview.mockReturnValueOnce(of(preview));
    byTestId<HTMLButtonElement>('model-load').click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(api.load).toHaveBeenLastCalledWith('{"version":"m2"}');
    expect(element.querySelector('[data-testid="preview-would-link"]')?.textContent).toBe('3');
    expect(element.querySelector('[data-testid="model-error"]')).toBeNull();

    api.activate.mockReturnValueOnce(of({ ...overview.modelVersions[0], version: 'm2' }));
    byTestId<HTMLButtonElement>('model-activate').click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(api.activate).toHaveBeenCalledWith('m2');
    expect(element.querySelector('[data-testid="model-activated"]')?.textContent).toContain('m2');
  });

  it('scales bars and histogram geometry', () => {
    expect(barPercent(-5, 10)).toBe(50);
    expect(barPercent(3, 0)).toBe(0);
    const g = histogramGeometry(histogram);
    expect(g.links).toHaveLength(2);
    expect(g.tasks).toHaveLength(2);
    expect(g.reviewX).toBeLessThan(g.linkX);
    expect(g.reviewX).toBeGreaterThanOrEqual(g.plot.left);
    expect(g.linkX).toBeLessThanOrEqual(g.plot.right + 1);
  });
});
