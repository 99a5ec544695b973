// An organisation's policy, set the way Chromium reads it on Linux: a JSON file in
// /etc/chromium/policies/managed naming the extension under "3rdparty". The extension is loaded
// unpacked from a copy of the build, so the policy names that copy's id only and no other test's
// browser ever sees it; the file is removed afterwards.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, accessSync, constants } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromeBuildDir, consoleUrl, fixturesDir, intlHost, readAnnotatedRows, startHarness, waitForAnnotatedRows, type Harness } from './harness';
import { loadExpected, settledRowMismatches, type ExpectedRow } from './support/expectations';

const policyDir = '/etc/chromium/policies/managed';
const SMN = 'service/simple-message-notification';
const expected = loadExpected(fixturesDir, 'intl-en-tiny');
const english = { blocked: 'Blocked', caution: 'Check' };

/** Chromium's id for an unpacked extension: the SHA-256 of its absolute path, hex digits mapped to a-p. */
function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

function canWritePolicies(): boolean {
  try {
    mkdirSync(policyDir, { recursive: true });
    accessSync(policyDir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const writable = canWritePolicies();
if (!writable) console.warn(`policy.test.ts: ${policyDir} is not writable (run as root to test the enterprise policy in Chromium)`);

describe.skipIf(!writable)("an organisation's policy in Chromium", () => {
  let harness: Harness;
  let copy: string;
  let policyFile: string;

  beforeAll(async () => {
    copy = join(mkdtempSync(join(tmpdir(), 'unsub-lens-managed-')), 'chrome-mv3');
    cpSync(chromeBuildDir, copy, { recursive: true });
    policyFile = join(policyDir, `unsub-lens-test-${process.pid}.json`);
    const policy = {
      lock: true,
      welcomePage: false,
      disabledRules: [SMN],
      rules: [
        {
          id: 'ecs-contract',
          names: ['Elastic Cloud Server'],
          verdict: 'caution',
          explanation: 'Our framework contract covers ECS: ask procurement first.',
        },
      ],
    };
    writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [unpackedExtensionId(copy)]: policy } } }));
    harness = await startHarness({ extensionDir: copy, welcomeTimeoutMs: 4000 });
  });

  afterAll(async () => {
    rmSync(policyFile, { force: true });
    await harness?.close();
    rmSync(dirname(copy), { recursive: true, force: true });
  });

  it('reaches the extension it names', () => {
    expect(harness.extensionId).toBe(unpackedExtensionId(copy));
  });

  it('opens no first-run page where the policy sets welcomePage to false', () => {
    expect(harness.welcomeCount).toBe(0);
  });

  it("shows the locked rule in the options page, off, disabled and labelled, with the organisation's rule", async () => {
    const options = await harness.openPage(harness.extensionUrl('options.html'));
    const smn = options.locator(`input[data-rule="${SMN}"]`);
    await smn.waitFor();
    expect(await smn.isChecked()).toBe(false);
    expect(await smn.isDisabled()).toBe(true);
    const described = (await smn.getAttribute('aria-describedby'))!.split(' ');
    expect(await options.locator(`[id="${described[1]}"]`).innerText()).toBe('Set by your organisation');
    await expect.poll(() => options.locator('[data-policy="locked"] h2').innerText()).toBe('Set by your organisation');
    const orgRule = options.locator('input[data-rule="org/ecs-contract"]');
    expect(await orgRule.isChecked()).toBe(true);
    expect(await orgRule.isDisabled()).toBe(true);
    await options.close();
  });

  it("takes effect on the console page: the locked rule is off, the organisation's rule badges", async () => {
    const page = await harness.openPage(consoleUrl(intlHost));
    await waitForAnnotatedRows(page, expected.rows.length);
    const withPolicy: ExpectedRow[] = expected.rows.map((row) => {
      // Without its Table 1 entry the SMN row is explained only by its disabled Unsubscribe action.
      if (row.rules.includes(SMN)) return { ...row, verdict: 'caution', rules: ['unknown-reason'] };
      if (row.product === 'Elastic Cloud Server')
        return { ...row, verdict: row.verdict === 'allowed' ? 'caution' : row.verdict, rules: [...row.rules, 'org/ecs-contract'] };
      return row;
    });
    expect(await settledRowMismatches(() => readAnnotatedRows(page), withPolicy, { labels: english, timeout: 5000 })).toEqual([]);
    await page.close();
  });
});
