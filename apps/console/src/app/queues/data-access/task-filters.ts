import { AGE_BANDS, TaskFilter, TaskQueue, TaskStatus } from './steward.models';

/** What the filter controls of the queue list hold. */
export interface TaskFilterForm {
  queue: TaskQueue | '';
  status: TaskStatus | '';
  sourceSystem: string;
  mine: boolean;
  age: string;
}

export const DEFAULT_FILTERS: TaskFilterForm = {
  queue: '',
  status: 'OPEN',
  sourceSystem: '',
  mine: false,
  age: '',
};

/** The API filter for the controls: empty controls ask for nothing, an age band for its hours. */
export function toTaskFilter(form: TaskFilterForm): TaskFilter {
  const band = AGE_BANDS.find((b) => b.id === form.age) ?? AGE_BANDS[0];
  return {
    queue: form.queue || null,
    status: form.status || null,
    sourceSystem: form.sourceSystem.trim() || null,
    mine: form.mine || null,
    minAgeHours: band.minAgeHours,
    maxAgeHours: band.maxAgeHours,
  };
}

/** True when the rendered rows reach this close to the end of what is loaded: time for the next page. */
export function nearEnd(renderedEnd: number, loaded: number, margin = 15): boolean {
  return loaded > 0 && renderedEnd >= loaded - margin;
}
