import { Locator, Page } from 'playwright-core';
import { useBrowser, screenshot } from './support/browser';
import {
  expectAccessible,
  openTaskRows,
  reloadingTasks,
  SENIOR,
  signInAs,
  signOut,
  STEWARD,
  tasksSettled,
  waitForTestId,
} from './support/console-actions';

const APPROVE_REASON = 'Same patient registered twice at the PAS (e2e approve).';
const REJECT_REASON = 'Same date of birth and surname (e2e reject).';
const OWN_REASON = 'Senior asks for this merge (e2e own).';

/** The two names a task row shows (record and possible match), in a fixed order. */
async function pairOf(row: Locator): Promise<string> {
  const cells = await row.getByRole('cell').allTextContents();
  const record = (await row.getByTestId('task-link').textContent()) ?? '';
  return [record.trim(), (cells[1] ?? '').trim()].sort().join(' / ');
}

/**
 * Opens an open task of the two-NHS-numbers queue and asks for a merge: it waits for
 * approval. Tasks of a pair already asked for are passed over: a pair has a task each way,
 * and approving one merge settles the other (its rejection would not reopen it).
 */
async function askForMerge(page: Page, reason: string, asked: string[] = []): Promise<string> {
  await page.goto('/queues');
  await tasksSettled(page);
  await reloadingTasks(page, () => page.getByLabel('Queue', { exact: true }).selectOption('NHS_DUPLICATE'));
  const rows = openTaskRows(page, 'NHS_DUPLICATE');
  await rows.first().waitFor();
  let row = rows.first();
  for (let i = 0; i < (await rows.count()); i += 1) {
    row = rows.nth(i);
    if (!asked.includes(await pairOf(row))) break;
  }
  asked.push(await pairOf(row));
  await row.getByTestId('task-link').click();
  await page.waitForURL(/\/tasks\/.+/);
  const taskId = /\/tasks\/([^/?#]+)/.exec(page.url())?.[1] ?? '';
  await waitForTestId(page, 'comparison-table');
  await page.getByTestId('decide-same').click();
  await page.getByTestId('reason').fill(reason);
  await page.getByTestId('save-decision').click();
  await page.waitForURL((url) => !url.pathname.endsWith(taskId));
  return taskId;
}

async function openApproval(page: Page, reason: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Approvals' }).click();
  await page.waitForURL(/\/approvals$/);
  const card = page.getByTestId('approval').filter({ hasText: reason });
  await card.getByTestId('approval-link').click();
  await page.waitForURL(/\/approvals\/.+/);
  await page.getByTestId('approval-title').waitFor();
}

async function decideApproval(page: Page, verdict: 'approve' | 'reject', reason: string): Promise<void> {
  await page.getByTestId(`verdict-${verdict}`).check();
  await page.getByTestId('approval-reason-input').fill(reason);
  await page.getByTestId('approval-submit').click();
}

describe('Four-eyes approvals in Chromium', () => {
  const browser = useBrowser();
  let page: Page;
  let approvedTask = '';
  let rejectedTask = '';

  beforeAll(async () => {
    page = browser.page;
  });

  it('holds two merges of persons with different NHS numbers for approval, and offers a steward no approvals', async () => {
    await signInAs(page, STEWARD);
    expect(await page.getByRole('link', { name: 'Approvals' }).count()).toBe(0);
    const asked: string[] = [];
    approvedTask = await askForMerge(page, APPROVE_REASON, asked);
    rejectedTask = await askForMerge(page, REJECT_REASON, asked);
    await page.goto(`/tasks/${approvedTask}`);
    await page.getByTestId('task-status').filter({ hasText: 'Waiting for approval' }).waitFor();
    await page.getByTestId('not-workable').waitFor();
    expect(await page.getByTestId('task-assignee').textContent()).toContain(
      'merge asked for by user:steward',
    );
    await screenshot(page, '50-compare-pending-approval');
    // The page is for senior stewards only: a steward is sent to the persons list.
    await page.goto('/approvals');
    await page.waitForURL(/\/persons/);
    await signOut(page);
  });

  it('lets a senior steward see the evidence and approve one merge', async () => {
    await signInAs(page, SENIOR);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Approvals' }).click();
    await page.getByTestId('approval').first().waitFor();
    expect(await page.getByTestId('approval').filter({ hasText: APPROVE_REASON }).count()).toBe(1);
    await screenshot(page, '51-approvals');
    await expectAccessible(page, 'approvals list');

    await openApproval(page, APPROVE_REASON);
    await page.getByTestId('approval-evidence').waitFor();
    expect(await page.getByTestId('approval-requested-by').textContent()).toContain('user:steward');
    expect(await page.getByTestId('approval-records').count()).toBe(2);
    await page.getByTestId('approval-submit').click();
    await page.getByText('Choose approve or reject.').waitFor();
    await page.getByText('Enter a reason.').waitFor();
    await screenshot(page, '52-approval-detail');
    await expectAccessible(page, 'approval detail');
    const approvalUrl = new URL(page.url()).pathname;
    await decideApproval(page, 'approve', 'Checked on PDS: one patient.');
    await page.waitForURL(/\/approvals$/);
    await page
      .getByTestId('approvals-message')
      .filter({ hasText: /You approved the merge/ })
      .waitFor();
    expect(await page.getByTestId('approval').filter({ hasText: APPROVE_REASON }).count()).toBe(0);
    await page.goto(`/tasks/${approvedTask}`);
    await page.getByTestId('task-status').filter({ hasText: 'Resolved' }).waitFor();
    // The link to a decided merge says what became of it.
    await page.goto(approvalUrl);
    await page
      .getByTestId('approval-decided')
      .filter({ hasText: 'approved and applied by user:senior' })
      .waitFor();
  });

  it('lets the senior steward reject the other merge, which reopens its task', async () => {
    await page.goto('/approvals');
    await page.getByTestId('approval').first().waitFor();
    await openApproval(page, REJECT_REASON);
    await decideApproval(page, 'reject', 'PDS shows two different patients.');
    await page.waitForURL(/\/approvals$/);
    await page
      .getByTestId('approvals-message')
      .filter({ hasText: /You rejected the merge/ })
      .waitFor();
    await screenshot(page, '53-approvals-after-reject');
    await page.goto(`/tasks/${rejectedTask}`);
    await page.getByTestId('task-status').filter({ hasText: 'Open' }).waitFor();
  });

  it("refuses a senior steward's approval of their own merge, in the service's words", async () => {
    await askForMerge(page, OWN_REASON);
    await openApproval(page, OWN_REASON);
    await page.getByTestId('approval-own').waitFor();
    await decideApproval(page, 'approve', 'I am sure.');
    const error = page.getByTestId('approval-error');
    await error.waitFor();
    expect(await error.textContent()).toContain(
      'Four-eyes rule: a second steward must approve a merge you asked for.',
    );
    await screenshot(page, '54-approval-own-refused');
    await expectAccessible(page, 'approval refused');
    // Withdrawn again so the merge does not wait for ever in a shared demo database.
    await page.getByTestId('verdict-reject').check();
    await page.getByTestId('approval-reason-input').fill('Withdrawn: asked for by mistake.');
    await page.getByTestId('approval-submit').click();
    await page.waitForURL(/\/approvals$/);
  });
});
