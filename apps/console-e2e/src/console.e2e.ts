import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { ARTIFACTS_DIR, WORKSPACE_ROOT } from './support/paths';
import { useBrowser, screenshot, seriousAccessibilityViolations } from './support/browser';

const STEWARD = { username: 'steward', password: 'concord-steward' };

/** A person seen on the persons page, kept for the later steps. */
interface SeenPerson {
  href: string;
  name: string;
  nhsNumber: string;
  recordCount: number;
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await seriousAccessibilityViolations(page);
  if (violations.length > 0) {
    console.log(`[e2e] axe on ${screen}:\n${JSON.stringify(violations, null, 2)}`);
  }
  expect(violations).toEqual([]);
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  // Enter in the password box must submit: stewards sign in from the keyboard.
  await page.getByLabel('Password').press('Enter');
}

async function readRows(page: Page): Promise<SeenPerson[]> {
  return page.locator('[data-testid="person-row"]').evaluateAll((rows) =>
    rows.map((row) => ({
      href: row.querySelector('a')?.getAttribute('href') ?? '',
      name: row.querySelector('a')?.textContent?.trim() ?? '',
      nhsNumber: row.querySelector('[data-testid="person-nhs"]')?.textContent?.trim() ?? '',
      recordCount: Number(
        row.querySelector('[data-testid="person-record-count"]')?.textContent?.trim() ?? '0',
      ),
    })),
  );
}

describe('Concord console in Chromium', () => {
  const browser = useBrowser();
  let page: Page;
  let duplicate: SeenPerson | undefined;
  let withNhsNumber: SeenPerson | undefined;

  beforeAll(async () => {
    page = browser.page;
  });

  it('sends a visitor to sign-in, with labelled inputs', async () => {
    await page.goto('/');
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByLabel('Username').isEditable()).toBe(true);
    expect(await page.getByLabel('Password').getAttribute('type')).toBe('password');
    // The global stylesheet must apply under the server's Content-Security-Policy.
    const buttonColour = await page
      .getByRole('button', { name: 'Sign in' })
      .evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(buttonColour).toBe('rgb(0, 127, 59)');
    await screenshot(page, '01-sign-in');
    await expectAccessible(page, 'sign-in');
  });

  it('refuses a wrong password and says so', async () => {
    await signIn(page, STEWARD.username, 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The username or password is not right');
    expect(page.url()).toContain('/sign-in');
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    await screenshot(page, '02-sign-in-error');
    await expectAccessible(page, 'sign-in with error');
  });

  it('signs a steward in and shows the seeded persons', async () => {
    const started = performance.now();
    await signIn(page, STEWARD.username, STEWARD.password);
    await page.waitForURL(/\/persons$/);
    await page.locator('[data-testid="person-row"]').first().waitFor();
    const firstInteractive = performance.now() - started;
    console.log(
      `[e2e] time to first interactive persons page after sign-in: ${Math.round(firstInteractive)} ms`,
    );

    expect(await page.getByTestId('signed-in-username').textContent()).toBe('steward');
    expect(await page.getByTestId('signed-in-role').textContent()).toBe('Data steward');

    const rows = await readRows(page);
    expect(rows).toHaveLength(25);
    for (const row of rows) {
      expect(row.href).toMatch(/^\/persons\/.+/);
      expect(row.name.length).toBeGreaterThan(1);
    }
    const summary = (await page.getByTestId('persons-summary').textContent()) ?? '';
    const total = Number(/of ([\d,]+) persons/.exec(summary)?.[1].replace(/,/g, '') ?? '0');
    console.log(`[e2e] persons in the demo population: ${total}`);
    expect(total).toBeGreaterThan(100);

    // The demo population has duplicates: page on until a person joins more than one record.
    const seen = [...rows];
    for (let pageNumber = 2; !seen.some((r) => r.recordCount > 1) && pageNumber <= 20; pageNumber++) {
      await page.getByRole('button', { name: 'Next page' }).click();
      await page.getByText(`Page ${pageNumber}`).waitFor();
      await page.locator('.table-wrap:not(.table-wrap--busy)').waitFor();
      seen.push(...(await readRows(page)));
    }
    duplicate = seen.find((r) => r.recordCount > 1);
    withNhsNumber = seen.find((r) => /^\d{3} \d{3} \d{4}$/.test(r.nhsNumber));
    expect(duplicate).toBeDefined();
    expect(withNhsNumber).toBeDefined();
    // NHS numbers are shown 3-3-4, never as ten run-together digits.
    expect(seen.some((r) => /^\d{10}$/.test(r.nhsNumber))).toBe(false);

    await page.getByRole('link', { name: 'Persons' }).click();
    await page.getByText('Page 1', { exact: true }).waitFor();
  });

  it('shows the persons page quickly on a fresh load, laid out and accessible', async () => {
    const started = performance.now();
    await page.reload();
    await page.locator('[data-testid="person-row"]').first().waitFor();
    await page.getByLabel('Search by NHS number or family name').waitFor();
    console.log(
      `[e2e] time to first interactive persons page on a full reload: ${Math.round(performance.now() - started)} ms`,
    );
    await screenshot(page, '03-persons');
    await expectAccessible(page, 'persons');

    await page.setViewportSize({ width: 390, height: 844 });
    // The first screenful on a phone: the whole list would be a very long image.
    await screenshot(page, '03b-persons-narrow', false);
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('finds a person by NHS number typed without spaces', async () => {
    if (!withNhsNumber) throw new Error('no person with an NHS number was seen on the persons page');
    const digits = withNhsNumber.nhsNumber.replace(/\s/g, '');
    const search = page.getByLabel('Search by NHS number or family name');
    await search.fill(digits);
    await search.press('Enter');
    await page.waitForURL(new RegExp(`q=${digits}`));
    await page.getByTestId('persons-summary').getByText(`matching “${digits}”`).waitFor();
    const rows = await readRows(page);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const row of rows) expect(row.nhsNumber).toBe(withNhsNumber.nhsNumber);
    expect(rows.map((r) => r.href)).toContain(withNhsNumber.href);
    await screenshot(page, '04-persons-search');
    await expectAccessible(page, 'persons search');
  });

  it('says plainly when a search finds nobody', async () => {
    const search = page.getByLabel('Search by NHS number or family name');
    await search.fill('Zzyzxqwv');
    await search.press('Enter');
    await page.getByTestId('state-empty').waitFor();
    expect(await page.getByTestId('state-empty').textContent()).toContain('No persons match “Zzyzxqwv”');
    await screenshot(page, '05-persons-empty');
    await expectAccessible(page, 'persons empty');
    await page.getByRole('button', { name: 'Clear search' }).click();
    await page.locator('[data-testid="person-row"]').first().waitFor();
  });

  it('opens a person with linked records from several registrations', async () => {
    if (!duplicate) throw new Error('no person with more than one record was seen');
    await page.goto(duplicate.href);
    await page.getByTestId('person-name').waitFor();
    expect(await page.getByTestId('person-name').textContent()).toBe(duplicate.name);
    expect(await page.getByTestId('golden-view').textContent()).toContain(duplicate.nhsNumber);
    const records = page.getByTestId('source-record');
    expect(await records.count()).toBe(duplicate.recordCount);
    expect(
      await page.getByRole('heading', { name: `Linked records (${duplicate.recordCount})` }).count(),
    ).toBe(1);
    for (const localId of await page.getByTestId('record-local-id').allTextContents())
      expect(localId.trim()).not.toBe('');
    const statuses = await page.getByTestId('nhs-status').allTextContents();
    expect(
      statuses.every((s) => ['Valid', 'Invalid', 'Test number', 'Placeholder', 'Missing'].includes(s.trim())),
    ).toBe(true);
    const links = await page.getByTestId('record-link').allTextContents();
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((text) => /Automatic|Manual/.test(text))).toBe(true);
    await screenshot(page, '06-person-detail');
    await expectAccessible(page, 'person detail');

    await page.getByRole('link', { name: 'Back to persons' }).click();
    await page.waitForURL(/\/persons(\?.*)?$/);
    await page.locator('[data-testid="person-row"]').first().waitFor();
  });

  it('answers an unknown person id with a not-found page', async () => {
    await page.goto('/persons/00000000-0000-0000-0000-000000000000');
    await page.getByRole('heading', { name: 'Person not found' }).waitFor();
    await screenshot(page, '07-person-not-found');
    await expectAccessible(page, 'person not found');
  });

  it('sends the steward back to sign-in when the API no longer accepts the token', async () => {
    await page.goto('/persons');
    await page.locator('[data-testid="person-row"]').first().waitFor();
    // A token the server never issued stands in for one that expired or was revoked server-side.
    await page.evaluate(() => {
      const stored = JSON.parse(sessionStorage.getItem('concord.session') ?? '{}') as Record<string, string>;
      sessionStorage.setItem(
        'concord.session',
        JSON.stringify({ ...stored, accessToken: 'not-a-token-the-server-issued' }),
      );
    });
    await page.reload();
    await page.waitForURL(/\/sign-in\?.*reason=expired/);
    expect(await page.getByRole('status').first().textContent()).toContain('Your session has ended');
    await screenshot(page, '09-session-ended');
    await signIn(page, STEWARD.username, STEWARD.password);
    await page.waitForURL(/\/persons$/);
    await page.locator('[data-testid="person-row"]').first().waitFor();
  });

  it('signs out back to sign-in, and patient pages then need sign-in again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    expect(await page.getByRole('status').first().textContent()).toContain('You have signed out');
    expect(await page.getByTestId('signed-in-user').count()).toBe(0);
    await screenshot(page, '08-signed-out');

    if (!duplicate) throw new Error('no person was seen');
    await page.goto(duplicate.href);
    await page.waitForURL(/\/sign-in\?returnUrl=/);
    await signIn(page, STEWARD.username, STEWARD.password);
    // Signing in from a deep link returns to that person.
    await page.waitForURL((url) => url.pathname === duplicate?.href);
    await page.getByTestId('person-name').waitFor();
  });

  it('keeps patient data and secrets out of the server log of the whole run', () => {
    const log = readFileSync(join(ARTIFACTS_DIR, 'logs', 'api.log'), 'utf8');
    expect(log).toContain('Concord is running');
    const [header, ...rows] = readFileSync(
      join(WORKSPACE_ROOT, 'data-fixtures/populations/demo/records.csv'),
      'utf8',
    )
      .trim()
      .split('\n');
    const columns = header.split(',');
    const nhs = columns.indexOf('nhs_number');
    const family = columns.indexOf('family_name');
    const leaked = new Set<string>();
    for (const row of rows) {
      const fields = row.split(',');
      const number = (fields[nhs] ?? '').replace(/\D/g, '');
      if (number.length === 10 && log.includes(number)) leaked.add(number);
      const name = (fields[family] ?? '').trim();
      // Names short enough to occur inside ordinary words are not evidence of a leak.
      if (name.length >= 6 && log.toUpperCase().includes(name.toUpperCase())) leaked.add(name);
    }
    expect([...leaked]).toEqual([]);
    expect(log).not.toMatch(/password|accessToken|scrypt\$/i);
  });
});
