import { join, resolve } from 'node:path';

export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
export const API_MAIN = join(WORKSPACE_ROOT, 'dist/apps/api/main.js');
export const CONSOLE_INDEX = join(WORKSPACE_ROOT, 'dist/apps/console/browser/index.html');
export const ARTIFACTS_DIR = join(WORKSPACE_ROOT, 'test-artifacts');
export const SCREENSHOTS_DIR = join(ARTIFACTS_DIR, 'screenshots');
export const AXE_SCRIPT = join(WORKSPACE_ROOT, 'node_modules/axe-core/axe.min.js');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** How the global setup tells the tests where the server is (same process under --runInBand). */
export const BASE_URL_ENV = 'CONCORD_E2E_BASE_URL';
