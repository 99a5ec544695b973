// The settings in effect for the pages the extension draws on: the user's, with the organisation's
// policy merged in (managed-policy.ts says how). The background hands these to the content script
// and the popup; only the options page works with the user's own settings and the policy apart.
import { applyPolicy, readManagedPolicy, type CheckedPolicy, type EffectiveSettings } from './managed-policy';
import { loadSettings } from './storage';

/**
 * Chrome answers the first read of managed storage after the browser starts only once its policy
 * service is ready, which took 2.9 s in Chromium here; later reads take under a millisecond. Badges
 * are not held back for it: without an answer by then, the settings come without the policy and say
 * so, and the content script asks again.
 */
export const POLICY_WAIT_MS = 300;

export interface LoadedEffectiveSettings {
  settings: EffectiveSettings;
  /** The policy was not read in time: ask again shortly. */
  policyPending: boolean;
}

export async function loadEffectiveSettings(waitMs = POLICY_WAIT_MS): Promise<LoadedEffectiveSettings> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, waitMs, undefined)));
  const [loaded, managed] = await Promise.all([loadSettings(), Promise.race<CheckedPolicy | undefined>([readManagedPolicy(), late])]);
  clearTimeout(timer);
  return { settings: applyPolicy(loaded.settings, loaded.stored, (managed ?? { policy: { lock: false } }).policy), policyPending: !managed };
}
