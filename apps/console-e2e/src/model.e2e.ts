import { join } from 'node:path';
import { Page } from 'playwright-core';
import { SCREENSHOTS_DIR } from './support/paths';
import { useBrowser, screenshot, seriousAccessibilityViolations } from './support/browser';

const ADMIN = { username: 'admin', password: 'concord-admin' };

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await seriousAccessibilityViolations(page);
  if (violations.length > 0) console.log(`[e2e] axe on ${screen}:\n${JSON.stringify(violations, null, 2)}`);
  expect(violations).toEqual([]);
}

describe('Model screen in Chromium', () => {
  const browser = useBrowser();
  let page: Page;
  let shippedVersion = '';

  beforeAll(async () => {
    page = browser.page;
  });

  it('shows an administrator the weights, thresholds and score histogram', async () => {
    await page.goto('/sign-in');
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL(/\/persons/);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Model' }).click();
    await page.waitForURL(/\/model$/);
    await page.getByRole('heading', { name: 'Matching model', level: 1 }).waitFor();
    await page.getByTestId('model-weights').waitFor();
    shippedVersion = ((await page.getByTestId('model-version').textContent()) ?? '').trim();
    expect(shippedVersion).not.toBe('');
    expect(await page.getByTestId('threshold-link').textContent()).toContain('0.99');
    expect(await page.locator('[data-testid="model-weights"] .wbar').count()).toBeGreaterThan(20);
    // The seeded demo has links and open tasks: bars and both threshold lines are drawn.
    const chart = page.getByTestId('score-histogram').first();
    expect(await chart.locator('.bar').count()).toBeGreaterThan(0);
    expect(await chart.locator('.threshold').count()).toBe(2);
    await screenshot(page, '30-model');
    // The chart alone, at full resolution, to look at the threshold lines and labels.
    await chart.screenshot({ path: join(SCREENSHOTS_DIR, '30b-model-histogram.png') });
    await expectAccessible(page, 'model');
  });

  it('refuses an invalid model with the JSON path, then previews and activates an edited one', async () => {
    await page.getByRole('button', { name: 'Start from the model in use' }).click();
    const textarea = page.getByLabel('Model document (JSON)');
    // The document arrives from the API after the click: wait until the textarea holds it.
    await page.waitForFunction(() =>
      (document.querySelector('[data-testid="model-document"]') as HTMLTextAreaElement | null)?.value
        .trim()
        .startsWith('{'),
    );
    const current = JSON.parse(await textarea.inputValue());

    await textarea.fill(
      JSON.stringify({ ...current, version: 'e2e-bad', thresholds: { link: 1.5, review: 0.05 } }),
    );
    await page.getByTestId('model-load').click();
    const error = page.getByTestId('model-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('$.thresholds.link: must be in (0, 1]');
    await expectAccessible(page, 'model with a validation error');

    const version = `e2e-link-0.9-${Date.now()}`;
    await textarea.fill(
      JSON.stringify({ ...current, version, thresholds: { ...current.thresholds, link: 0.9 } }, null, 2),
    );
    await page.getByTestId('model-load').click();
    const preview = page.getByTestId('model-preview');
    await preview.waitFor();
    expect(await page.getByTestId('model-error').count()).toBe(0);
    const wouldLink = Number(await page.getByTestId('preview-would-link').textContent());
    const wouldStay = Number(await page.getByTestId('preview-would-stay').textContent());
    const wouldDrop = Number(await page.getByTestId('preview-would-drop').textContent());
    console.log(
      `[e2e] preview of link threshold 0.9: ${wouldLink} would link, ${wouldStay} stay, ${wouldDrop} drop`,
    );
    expect(wouldLink + wouldStay + wouldDrop).toBeGreaterThan(0);
    // A lower link threshold takes tasks out of review into automatic links; what the draft changes
    // is counted against the model in use (engine rules may already hold a task below review).
    expect(wouldLink).toBeGreaterThan(0);
    expect(Number(await page.getByTestId('preview-changed').textContent())).toBeGreaterThan(0);
    expect(await preview.getByTestId('score-histogram').count()).toBe(2);
    await screenshot(page, '31-model-preview');
    await preview.screenshot({ path: join(SCREENSHOTS_DIR, '31b-model-preview-detail.png') });
    await expectAccessible(page, 'model preview');

    await page.getByRole('button', { name: `Activate ${version}` }).click();
    await page.getByTestId('model-activated').waitFor();
    expect((await page.getByTestId('model-version').textContent())?.trim()).toBe(version);
    expect(await page.getByTestId('threshold-link').textContent()).toContain('0.9');
    await screenshot(page, '32-model-activated');
    await expectAccessible(page, 'model activated');

    // Back to the shipped model, so the other browser tests score as before.
    await page.getByRole('button', { name: `Preview ${shippedVersion}` }).click();
    await page.getByRole('button', { name: `Activate ${shippedVersion}` }).click();
    await page.getByTestId('model-activated').waitFor();
    expect((await page.getByTestId('model-version').textContent())?.trim()).toBe(shippedVersion);
  });
});
