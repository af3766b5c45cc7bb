import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './support/paths';
import { useBrowser, screenshot, seriousAccessibilityViolations } from './support/browser';

const AUDITOR = { username: 'auditor', password: 'concord-auditor' };
const STEWARD = { username: 'steward', password: 'concord-steward' };

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await seriousAccessibilityViolations(page);
  if (violations.length > 0) console.log(`[e2e] axe on ${screen}:\n${JSON.stringify(violations, null, 2)}`);
  expect(violations).toEqual([]);
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Password').press('Enter');
  await page.waitForURL(/\/persons/);
}

describe('Dashboard and audit in Chromium', () => {
  const browser = useBrowser();
  let page: Page;

  beforeAll(async () => {
    page = browser.page;
  });

  it('shows an auditor the dashboard with its charts', async () => {
    await signIn(page, AUDITOR.username, AUDITOR.password);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Audit' }).waitFor();
    const started = performance.now();
    await nav.getByRole('link', { name: 'Dashboard' }).click();
    await page.waitForURL(/\/dashboard$/);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.getByTestId('quality-table').waitFor();
    console.log(`[e2e] dashboard drawn in ${Math.round(performance.now() - started)} ms`);

    const autoLink = (await page.getByTestId('figure-auto-link').textContent()) ?? '';
    expect(autoLink).toMatch(/\d+(\.\d)?%/);
    const qualityRows = await page.getByTestId('quality-row').count();
    expect(qualityRows).toBeGreaterThan(0);
    // The demo seed opens steward tasks: the queue chart has a line per queue.
    if (await page.locator('[data-testid="queue-chart"]').count()) {
      expect(await page.locator('[data-testid="chart-line"]').count()).toBe(4);
      expect(await page.locator('[data-testid="chart-bar"]').count()).toBe(60);
    }
    await screenshot(page, '20-dashboard');
    await expectAccessible(page, 'dashboard');

    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, '20b-dashboard-narrow', false);
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('lists, filters and exports the audit ledger', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    await page.waitForURL(/\/audit$/);
    await page.getByTestId('audit-row').first().waitFor();
    expect(await page.getByTestId('audit-row').count()).toBeGreaterThan(0);
    // The first screenful: the unfiltered ledger is long.
    await screenshot(page, '21-audit', false);
    await expectAccessible(page, 'audit');

    // Only the auditor's sign-ins: today's, by action and actor.
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    await page.getByLabel('From (day)').fill(day);
    await page.getByLabel('To (day)').fill(day);
    await page.getByLabel('Action').fill('user.signed-in');
    await page.getByRole('button', { name: 'Apply filter' }).click();
    await page.getByRole('button', { name: 'Clear filter' }).waitFor();
    await page.locator('.table-wrap:not(.table-wrap--busy) [data-testid="audit-row"]').first().waitFor();
    const actions = await page.getByTestId('audit-action').allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions.map((a) => a.trim()))).toEqual(new Set(['user.signed-in']));
    await screenshot(page, '22-audit-filtered');
    await expectAccessible(page, 'audit filtered');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-ndjson').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^concord-audit-.*\.ndjson$/);
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const saved = join(ARTIFACTS_DIR, 'audit-export.ndjson');
    await download.saveAs(saved);
    const lines = readFileSync(saved, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(actions.length);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ action: 'user.signed-in' });
    await page
      .getByTestId('export-message')
      .getByText(/NDJSON export was saved/)
      .waitFor();
    console.log(`[e2e] audit NDJSON export: ${lines.length} events`);
  });

  it('offers a steward the dashboard but not the audit', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await signIn(page, STEWARD.username, STEWARD.password);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Dashboard' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Audit' }).count()).toBe(0);
    await page.goto('/audit');
    await page.waitForURL(/\/dashboard$/);
    await page.getByTestId('quality-table').waitFor();
  });
});
