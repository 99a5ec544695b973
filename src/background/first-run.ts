// Opens the first-run page once, when the extension is installed (not on an update or a browser
// restart), unless the organisation's policy says not to (`welcomePage: false`).
import { browser } from 'wxt/browser';
import { readManagedPolicy, type CheckedPolicy } from '../settings/managed-policy';

export const WELCOME_SHOWN_KEY = 'welcomeShown';

export interface FirstRunDeps {
  readPolicy(): Promise<CheckedPolicy>;
  /** Whether the page was shown already on this device (a reinstall from a synced profile, a second install event). */
  shown(): Promise<boolean>;
  markShown(): Promise<void>;
  open(url: string): Promise<unknown>;
}

const browserDeps: FirstRunDeps = {
  readPolicy: readManagedPolicy,
  shown: async () => Boolean((await browser.storage.local.get(WELCOME_SHOWN_KEY))[WELCOME_SHOWN_KEY]),
  markShown: () => browser.storage.local.set({ [WELCOME_SHOWN_KEY]: true }),
  open: (url) => browser.tabs.create({ url }),
};

/** Answers whether the page was opened. */
export async function showWelcomeOnInstall(reason: string, deps: FirstRunDeps = browserDeps): Promise<boolean> {
  if (reason !== 'install') return false;
  const [{ policy }, shown] = await Promise.all([deps.readPolicy(), deps.shown().catch(() => false)]);
  if (shown || policy.welcomePage === false) return false;
  // Marked first: a page that fails to open is not retried on every start.
  await deps.markShown().catch(() => undefined);
  await deps.open(browser.runtime.getURL('/welcome.html'));
  return true;
}
