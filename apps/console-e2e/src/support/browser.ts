import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { AXE_SCRIPT, BASE_URL_ENV, CHROMIUM, SCREENSHOTS_DIR } from './paths';

/** The flags known to work with Debian's Chromium on these machines (see STACK.md). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /**
   * Uncaught errors and console errors in the page (a blocked stylesheet or script shows up
   * here as a Content-Security-Policy error): a console that logs errors is broken even if
   * the test clicks through. Failed requests the tests provoke on purpose (401) are left out.
   */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

export function baseUrl(): string {
  const url = process.env[BASE_URL_ENV];
  if (!url) throw new Error(`${BASE_URL_ENV} is not set: the global setup did not start the API`);
  return url;
}

/**
 * A describe block's Chromium session: opened before its tests, closed after them. An
 * uncaught error or console error in the page fails the test it happened in, even when the
 * steps still pass.
 */
export function useBrowser(): { readonly page: Page } {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(() => {
    expect(session?.pageErrors).toEqual([]);
  });
  return {
    get page(): Page {
      if (!session) throw new Error('the browser is not open: use the page in a test or a later beforeAll');
      return session.page;
    },
  };
}

/** Chromium with a fresh profile in a temp dir, so no state leaks between runs. */
export async function openBrowser(): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: apt-get install -y --no-install-recommends chromium (or set CHROMIUM_PATH)`,
    );
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'concord-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    baseURL: baseUrl(),
  });
  context.setDefaultTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      pageErrors.push(message.text());
  });
  return {
    context,
    page,
    pageErrors,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

let axeScript: string | undefined;
function axeSource(): string {
  axeScript ??= readFileSync(AXE_SCRIPT, 'utf8');
  return axeScript;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core in the page and returns the serious and critical violations, described for a failure message. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(
    () => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined',
  );
  // Evaluated over the DevTools protocol rather than added as a <script>: the server's
  // Content-Security-Policy rightly blocks inline scripts, and the test must not weaken it.
  if (!loaded) await page.evaluate(axeSource());
  const violations = await page.evaluate(async () => {
    interface AxeResult {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    }
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
