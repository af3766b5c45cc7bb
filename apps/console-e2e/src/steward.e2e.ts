import { Page } from 'playwright-core';
import { useBrowser, screenshot, seriousAccessibilityViolations } from './support/browser';

const STEWARD = { username: 'steward', password: 'concord-steward' };
const SENIOR = { username: 'senior', password: 'concord-senior' };
const AUDITOR = { username: 'auditor', password: 'concord-auditor' };

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await seriousAccessibilityViolations(page);
  if (violations.length > 0) console.log(`[e2e] axe on ${screen}:\n${JSON.stringify(violations, null, 2)}`);
  expect(violations).toEqual([]);
}

async function signInAs(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByLabel('Password').press('Enter');
  await page.waitForURL(/\/persons/);
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in/);
}

function taskIdOf(url: string): string {
  return /\/tasks\/([^/?#]+)/.exec(url)?.[1] ?? '';
}

async function decide(page: Page, key: string, reason: string): Promise<string> {
  const before = taskIdOf(page.url());
  await page.keyboard.press(key);
  // The shortcut chooses the decision and puts the cursor in the reason box.
  await page.waitForFunction(() => document.activeElement?.id === 'reason');
  await page.keyboard.type(reason);
  await page.getByTestId('save-decision').click();
  await page.waitForURL((url) => !url.pathname.endsWith(before));
  return before;
}

describe('Steward workflow in Chromium', () => {
  const browser = useBrowser();
  let page: Page;
  /** The person the first task's record was merged into. */
  let mergedPersonId = '';
  let splitPersonId = '';
  let searchName = '';
  let searchBirth = '';

  beforeAll(async () => {
    page = browser.page;
  });

  it('shows the queues to a steward, with counts and a task list', async () => {
    await signInAs(page, STEWARD);
    expect(await page.getByRole('link', { name: 'Queues' }).isVisible()).toBe(true);
    const started = Date.now();
    await page.goto('/queues');
    await page.getByTestId('task-row').first().waitFor();
    await page.getByTestId('claim-next').waitFor();
    console.log(`[e2e] time until the first queue page is interactive: ${Date.now() - started} ms`);
    expect(await page.getByTestId('queue-card').count()).toBe(4);
    expect(await page.getByTestId('task-row').count()).toBeGreaterThan(0);
    await screenshot(page, '20-queues');
    await expectAccessible(page, 'queues');

    await page.getByLabel('Sort by').selectOption('AGE');
    await page.getByTestId('task-row').first().waitFor();
    await page.getByLabel('Sort by').selectOption('PRIORITY');
    await page.getByTestId('task-row').first().waitFor();
  });

  it('claims the next task with n and shows the evidence side by side', async () => {
    await page.keyboard.press('n');
    await page.waitForURL(/\/tasks\/.+/);
    await page.getByTestId('compare-title').waitFor();
    await page.getByTestId('waterfall').waitFor();
    expect(await page.getByTestId('waterfall-bar').count()).toBeGreaterThan(2);
    expect(await page.getByTestId('field-row').count()).toBeGreaterThan(3);
    await page.getByTestId('toggle-standardised').check();
    await page.getByTestId('standardised').waitFor();
    const candidateLink = page.locator('.side-head a').first();
    mergedPersonId = ((await candidateLink.getAttribute('href')) ?? '').split('/').pop() ?? '';
    searchName =
      (await page.locator('[data-testid="field-row"]').nth(1).locator('td').first().textContent())?.trim() ??
      '';
    searchBirth =
      (await page.locator('[data-testid="field-row"]').nth(3).locator('td').first().textContent())?.trim() ??
      '';
    await screenshot(page, '21-compare');
    await expectAccessible(page, 'compare');
  });

  it('asks for a reason, then merges and opens the next task', async () => {
    await page.keyboard.press('s');
    await page.getByTestId('save-decision').click();
    await page.getByText('Enter a reason.').waitFor();
    await screenshot(page, '22-compare-reason-required');
    await page
      .getByTestId('reason')
      .fill('Same name, date of birth, postcode and address; given name is a nickname.');
    const before = taskIdOf(page.url());
    await page.getByTestId('save-decision').click();
    await page.waitForURL((url) => !url.pathname.endsWith(before));
    await page.getByTestId('compare-title').waitFor();
    expect(mergedPersonId).not.toBe('');
  });

  it('keeps the next pair apart with d', async () => {
    const decided = await decide(page, 'd', 'Different given names and sex: twins, not one person.');
    expect(decided).not.toBe('');
    await page.getByTestId('compare-title').waitFor();
  });

  it('splits a record off a person with several records', async () => {
    // The merge above may wait for a second steward (four-eyes), so split a person known to have several records.
    await page.goto('/persons');
    await page.getByTestId('person-row').first().waitFor();
    const rows = await page.locator('[data-testid="person-row"]').evaluateAll((list) =>
      list.map((row) => ({
        href: row.querySelector('a')?.getAttribute('href') ?? '',
        count: Number(row.querySelector('[data-testid="person-record-count"]')?.textContent?.trim() ?? '0'),
      })),
    );
    const several = rows.find((row) => row.count > 1);
    expect(several).toBeDefined();
    splitPersonId = (several?.href ?? '').split('/').pop() ?? '';
    await page.goto(`/persons/${splitPersonId}`);
    await page.getByTestId('person-name').waitFor();
    await page.getByTestId('link-history').waitFor();
    const boxes = page.getByTestId('split-select');
    expect(await boxes.count()).toBeGreaterThan(1);
    await screenshot(page, '23-person-history');
    await expectAccessible(page, 'person with history');
    await boxes.first().check();
    await page
      .getByTestId('split-reason')
      .fill('Record belongs to a different patient (checked with the ward).');
    await page.getByTestId('split-submit').click();
    await page.getByTestId('action-message').waitFor();
    await page.getByTestId('operation').first().waitFor();
    expect(await page.getByTestId('undo-submit').count()).toBe(0);
    await screenshot(page, '24-person-split');
  });

  it('lets a senior steward undo the split', async () => {
    await signOut(page);
    await signInAs(page, SENIOR);
    await page.goto(`/persons/${splitPersonId}`);
    await page.getByTestId('operation').first().waitFor();
    await page
      .getByTestId('undo-reason')
      .first()
      .fill('Split was a mistake: the records are the same patient.');
    await screenshot(page, '25-person-undo');
    await expectAccessible(page, 'person undo');
    await page.getByTestId('undo-submit').first().click();
    await page.getByText(/was undone/).waitFor();
    await page.getByTestId('operation-status').filter({ hasText: 'undone' }).first().waitFor();
  });

  it('searches by name and date of birth, and by a formatted NHS number', async () => {
    await page.getByRole('link', { name: 'Search' }).click();
    await page.waitForURL(/\/search/);
    await page.getByLabel('Family name').fill(searchName.toLowerCase());
    await page.getByLabel('Date of birth').fill(searchBirth);
    await page.getByTestId('search-submit').click();
    await page.getByTestId('search-row').first().waitFor();
    expect(await page.getByTestId('search-grade').first().textContent()).toBeTruthy();
    await screenshot(page, '26-search');
    await expectAccessible(page, 'search');

    await page.getByLabel('Family name').fill('');
    await page.getByLabel('NHS number').fill('943-476');
    await page.getByTestId('search-submit').click();
    await page.getByTestId('search-form-error').waitFor();
  });

  it('offers an auditor the queues but no decisions', async () => {
    await signOut(page);
    await signInAs(page, AUDITOR);
    await page.goto('/queues');
    await page.getByTestId('task-row').first().waitFor();
    expect(await page.getByTestId('claim-next').count()).toBe(0);
    await page.getByTestId('task-link').first().click();
    await page.waitForURL(/\/tasks\/.+/);
    await page.getByTestId('compare-forbidden').waitFor();
    expect(await page.getByTestId('decide-same').count()).toBe(0);
    expect(await page.getByTestId('decision-form').count()).toBe(0);
    await screenshot(page, '27-auditor-task');
    await expectAccessible(page, 'auditor task');
  });
});
