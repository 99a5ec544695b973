// The content script's side of the settings: it asks the background for its PageConfig, and asks
// again whenever the stored settings change. Nothing here reads storage; only the keys' names are
// known, to tell a settings change from any other.
import { browser } from 'wxt/browser';
import type { PageConfig } from './protocol';
import { askBackgroundTwice, type Wait } from './send';
import { SETTINGS_AREA, SETTINGS_KEY } from '../settings/storage-keys';

/** The background's PageConfig; undefined when it cannot answer, even when asked a second time. */
export const requestPageConfig = (wait?: Wait): Promise<PageConfig | undefined> => askBackgroundTwice({ type: 'get-page-config' }, wait);

type StorageChanges = Record<string, unknown>;

/** While the background says the policy is pending: asked again every second, for up to a minute. */
const POLICY_RETRY_MS = 1000;
const POLICY_RETRIES = 60;

/** Calls `onChange` after each change to the stored settings (from any window or device) or to the policy. */
export function watchSettingsChanges(onChange: () => void): () => void {
  const listener = (changes: StorageChanges, area: string) => {
    // Every save writes the value (its version, kept by WXT beside it, follows in a write of its own);
    // an organisation's policy arrives in the managed area.
    if ((area === SETTINGS_AREA && Object.hasOwn(changes, SETTINGS_KEY)) || area === 'managed') onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Hands `apply` the PageConfig now and after every settings change, until the returned function is
 * called. Of answers that arrive out of order, only ones newer than the last applied are applied; a
 * request that fails leaves the last config in place (and, at the start, nothing applied at all).
 */
export function followPageConfig(
  apply: (config: PageConfig) => void,
  request: () => Promise<PageConfig | undefined> = requestPageConfig,
  later: (ms: number, then: () => void) => void = (ms, then) => void setTimeout(then, ms),
): () => void {
  let asked = 0;
  let applied = 0;
  let stopped = false;
  let pendingAsks = 0;
  const ask = () => {
    const number = ++asked;
    request()
      .then((config) => {
        if (!config || stopped || number <= applied) return;
        applied = number;
        apply(config);
        // Settings without the organisation's policy, which the browser had not read yet: asked again.
        if (config.policyPending && pendingAsks++ < POLICY_RETRIES) later(POLICY_RETRY_MS, () => !stopped && ask());
      })
      // The page's console is not ours to write to; the annotator reports its own errors.
      .catch(() => undefined);
  };
  // Watching before the first request, so a change made while it is answered is not missed.
  const stopWatching = watchSettingsChanges(ask);
  ask();
  return () => {
    stopped = true;
    stopWatching();
  };
}
