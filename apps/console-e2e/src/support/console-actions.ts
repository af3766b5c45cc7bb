import { Locator, Page } from 'playwright-core';
import { screenshot, seriousAccessibilityViolations } from './browser';

export const STEWARD = { username: 'steward', password: 'concord-steward' };
export const SENIOR = { username: 'senior', password: 'concord-senior' };

/** axe-core finds no serious or critical violation on the screen as it is now. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await seriousAccessibilityViolations(page);
  if (violations.length > 0) console.log(`[e2e] axe on ${screen}:\n${JSON.stringify(violations, null, 2)}`);
  expect(violations).toEqual([]);
}

export async function signInAs(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByLabel('Password').press('Enter');
  await page.waitForURL(/\/persons/);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in/);
}

const QUEUE_LABELS = {
  NHS_SHARED: 'Shared NHS number',
  NHS_DUPLICATE: 'Two NHS numbers',
  POSSIBLE_DUPLICATE: 'Possible duplicates',
  NHS_TRACE: 'Numbers to trace',
} as const;

/** The list's rows of open tasks of a queue, found by what each row shows. */
export function openTaskRows(page: Page, queue: keyof typeof QUEUE_LABELS): Locator {
  return page
    .getByTestId('task-row')
    .filter({ has: page.getByTestId('task-queue').filter({ hasText: QUEUE_LABELS[queue] }) })
    .filter({ has: page.getByTestId('task-status').filter({ hasText: /^\s*Open\s*$/ }) });
}

/**
 * Opens the first open task of a queue shown in the list. The row is found by the queue and
 * status it shows, not by position: right after a filter changes, the list can still show
 * the previous filter's rows for a moment, and the first link then belongs to another queue.
 */
export async function openFirstTask(page: Page, queue: keyof typeof QUEUE_LABELS): Promise<string> {
  await openTaskRows(page, queue).first().getByTestId('task-link').click();
  await page.waitForURL(/\/tasks\/.+/);
  return /\/tasks\/([^/?#]+)/.exec(page.url())?.[1] ?? '';
}

/**
 * Waits for an element; when it does not come, the failure says what the page showed
 * instead (and saves a screenshot), so a failure on a loaded CI machine can be read.
 */
export async function waitForTestId(page: Page, testId: string): Promise<void> {
  try {
    await page.getByTestId(testId).waitFor();
  } catch (error) {
    const shown = await page
      .locator('main')
      .innerText()
      .catch(() => '(no main element)');
    await screenshot(page, `failed-waiting-for-${testId}`).catch(() => undefined);
    throw new Error(
      `${testId} did not appear on ${page.url()}; the page showed:\n${shown.slice(0, 1500)}\n${String(error)}`,
    );
  }
}

/** Waits until the queue list has settled: rows, or the empty state. */
export async function tasksSettled(page: Page): Promise<'rows' | 'empty'> {
  await page
    .getByTestId('tasks-summary')
    .filter({ hasText: /Showing/ })
    .or(page.getByTestId('state-empty'))
    .first()
    .waitFor();
  return (await page.getByTestId('state-empty').count()) > 0 ? 'empty' : 'rows';
}

/** "Showing 50 of 123 tasks" → [50, 123]. */
export async function shownOfTotal(page: Page): Promise<[number, number]> {
  const text = (await page.getByTestId('tasks-summary').textContent()) ?? '';
  const match = /Showing (\d+) of (\d+)/.exec(text);
  return match ? [Number(match[1]), Number(match[2])] : [0, 0];
}

/** Does something that reloads the queue list, and waits for the list to settle again. */
export async function reloadingTasks(page: Page, action: () => Promise<unknown>): Promise<'rows' | 'empty'> {
  const answered = page.waitForResponse(
    (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('query Tasks'),
  );
  await action();
  await answered;
  return tasksSettled(page);
}
