// The settings in effect for the pages the extension draws on: the user's, with the organisation's
// policy merged in (managed-policy.ts says how). The background hands these to the content script
// and the popup; only the options page works with the user's own settings and the policy apart.
import { applyPolicy, readManagedPolicy, type EffectiveSettings } from './managed-policy';
import { loadSettings } from './storage';

export async function loadEffectiveSettings(): Promise<EffectiveSettings> {
  const [loaded, managed] = await Promise.all([loadSettings(), readManagedPolicy()]);
  return applyPolicy(loaded.settings, loaded.stored, managed.policy);
}
