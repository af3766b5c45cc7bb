import { Page } from 'playwright-core';
import { useBrowser, screenshot } from './support/browser';
import {
  expectAccessible,
  openFirstTask,
  reloadingTasks,
  shownOfTotal,
  signInAs,
  STEWARD,
  tasksSettled,
} from './support/console-actions';

const QUEUES = [
  { id: 'NHS_SHARED', label: 'Shared NHS number', shot: '40-queue-nhs-shared' },
  { id: 'NHS_DUPLICATE', label: 'Two NHS numbers', shot: '41-queue-nhs-duplicate' },
  { id: 'POSSIBLE_DUPLICATE', label: 'Possible duplicates', shot: '42-queue-possible-duplicate' },
  { id: 'NHS_TRACE', label: 'Numbers to trace', shot: '43-queue-nhs-trace' },
];

describe('Queue list, release and tracing in Chromium', () => {
  const browser = useBrowser();
  let page: Page;

  beforeAll(async () => {
    page = browser.page;
    await signInAs(page, STEWARD);
  });

  it('shows every queue of the demo seed with its tasks', async () => {
    const started = Date.now();
    await page.goto('/queues');
    await page.getByTestId('task-row').first().waitFor();
    console.log(`[e2e] queue list: first page of tasks shown ${Date.now() - started} ms after navigation`);
    for (const queue of QUEUES) {
      const settled = await reloadingTasks(page, () =>
        page.getByLabel('Queue', { exact: true }).selectOption(queue.id),
      );
      expect(settled).toBe('rows');
      const [shown, total] = await shownOfTotal(page);
      console.log(`[e2e] ${queue.label}: ${total} open tasks (${shown} loaded)`);
      const labels = await page.getByTestId('task-queue').allTextContents();
      expect(new Set(labels.map((l) => l.trim()))).toEqual(new Set([queue.label]));
      await screenshot(page, queue.shot);
    }
    await expectAccessible(page, 'queue list (numbers to trace)');
  });

  it('filters by source system, age and status, and shows an empty state', async () => {
    await reloadingTasks(page, () => page.getByTestId('clear-filters').click());
    const [, everything] = await shownOfTotal(page);
    const systems = await page
      .locator('#filter-source option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(systems.length).toBeGreaterThan(1);
    await reloadingTasks(page, () => page.getByLabel('Source system').selectOption(systems[0]));
    const [, fromOne] = await shownOfTotal(page);
    expect(fromOne).toBeGreaterThan(0);
    expect(fromOne).toBeLessThan(everything);

    await reloadingTasks(page, () => page.getByLabel('Source system').selectOption(''));
    expect(await reloadingTasks(page, () => page.getByLabel('Age').selectOption('today'))).toBe('rows');
    expect((await shownOfTotal(page))[1]).toBe(everything);
    expect(await reloadingTasks(page, () => page.getByLabel('Age').selectOption('older'))).toBe('empty');
    await page.getByText('No tasks match these filters').waitFor();
    await screenshot(page, '44-queue-empty');
    await expectAccessible(page, 'queue list, empty');
    await reloadingTasks(page, () => page.getByLabel('Age').selectOption(''));
    await reloadingTasks(page, () => page.getByLabel('Status').selectOption('CLAIMED'));
    const statuses = await page.getByTestId('task-status').allTextContents();
    expect(statuses.every((s) => s.trim() === 'Claimed')).toBe(true);
  });

  it('loads the next page as the virtual list is scrolled towards its end', async () => {
    await reloadingTasks(page, () => page.getByTestId('clear-filters').click());
    await reloadingTasks(page, () => page.getByLabel('Status').selectOption(''));
    const [shown, total] = await shownOfTotal(page);
    expect(shown).toBe(Math.min(50, total));
    // Only the rows near the viewport are in the page, however many are loaded.
    expect(await page.getByTestId('task-row').count()).toBeLessThan(shown);
    // Scroll to the end page by page: every cursor page is fetched, while the page keeps only the rows near the viewport.
    let loaded = shown;
    while (loaded < total) {
      const nextPage = page.waitForResponse((r) => (r.request().postData() ?? '').includes('query Tasks'));
      await page.getByTestId('tasks-viewport').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await nextPage;
      const expected = Math.min(loaded + 50, total);
      await page
        .getByTestId('tasks-summary')
        .filter({ hasText: `Showing ${expected} of ${total}` })
        .waitFor();
      loaded = expected;
      expect(await page.getByTestId('task-row').count()).toBeLessThan(60);
    }
    console.log(`[e2e] virtual list: scrolled through ${total} tasks in ${Math.ceil(total / 50)} pages`);
    expect(await page.getByTestId('load-more').count()).toBe(0);
    await screenshot(page, '45-queue-scrolled', false);
  });

  it('claims a task from the list and releases it with r; "only my tasks" shows what the steward holds', async () => {
    await reloadingTasks(page, () => page.getByTestId('clear-filters').click());
    await reloadingTasks(page, () =>
      page.getByLabel('Queue', { exact: true }).selectOption('POSSIBLE_DUPLICATE'),
    );
    const taskId = await openFirstTask(page, 'POSSIBLE_DUPLICATE');
    await page.getByTestId('claim-task').click();
    await page.getByTestId('release-task').waitFor();
    expect(await page.getByTestId('task-status').textContent()).toContain('Claimed');
    await screenshot(page, '46-compare-claimed');
    await expectAccessible(page, 'compare, claimed');

    await page.goto('/queues');
    await tasksSettled(page);
    await reloadingTasks(page, () => page.getByTestId('filter-mine').check());
    await reloadingTasks(page, () => page.getByLabel('Status').selectOption(''));
    expect(await page.locator(`a[href="/tasks/${taskId}"]`).count()).toBe(1);
    const assignees = await page.getByTestId('task-assignee').allTextContents();
    expect(assignees.length).toBeGreaterThan(0);
    expect(assignees.every((a) => a.trim() === 'user:steward')).toBe(true);
    await screenshot(page, '47-queue-mine', false);

    await page.locator(`a[href="/tasks/${taskId}"]`).click();
    await page.getByTestId('release-task').waitFor();
    await page.keyboard.press('r');
    await page.waitForURL(/\/queues$/);
    await page.getByText('You released the task: it is open for any steward again.').waitFor();
    await page.goto(`/tasks/${taskId}`);
    await page.getByTestId('claim-task').waitFor();
    expect(await page.getByTestId('task-status').textContent()).toContain('Open');
  });

  it('shows a number to trace without a candidate, and resolves it as traced', async () => {
    await page.goto('/queues');
    await tasksSettled(page);
    await reloadingTasks(page, () => page.getByLabel('Queue', { exact: true }).selectOption('NHS_TRACE'));
    const [, before] = await shownOfTotal(page);
    const traced = await openFirstTask(page, 'NHS_TRACE');
    await page.getByTestId('trace-panel').waitFor();
    expect(await page.getByTestId('trace-reason').textContent()).toMatch(/without an NHS number|Modulus 11/);
    expect(await page.getByTestId('decide-same').count()).toBe(0);
    await screenshot(page, '48-compare-trace');
    await expectAccessible(page, 'compare, number to trace');

    await page.keyboard.press('t');
    await page.waitForFunction(() => document.activeElement?.id === 'reason');
    await page.keyboard.type('Traced on PDS; asked the source system to send the NHS number.');
    await page.getByTestId('save-decision').click();
    await page.waitForURL((url) => !url.pathname.endsWith(traced));
    await page.goto(`/tasks/${traced}`);
    await page.getByTestId('task-status').filter({ hasText: 'Resolved' }).waitFor();
    await page.goto('/queues');
    await tasksSettled(page);
    await reloadingTasks(page, () => page.getByLabel('Queue', { exact: true }).selectOption('NHS_TRACE'));
    // One fewer open task to trace (the next one was claimed by "save", so not open either).
    expect((await shownOfTotal(page))[1]).toBeLessThan(before);
  });
});
