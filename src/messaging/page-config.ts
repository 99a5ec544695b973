// The content script's side of the settings: it asks the background for its PageConfig, and asks
// again whenever the stored settings change. Nothing here reads storage; only the keys' names are
// known, to tell a settings change from any other.
import { browser } from 'wxt/browser';
import type { BackgroundRequest, PageConfig } from './protocol';
import { SETTINGS_AREA, SETTINGS_KEY, SETTINGS_META_KEY } from '../settings/storage-keys';

/** Before asking a second time: a service worker still starting, or an extension being reloaded. */
export const RETRY_DELAY_MS = 200;

export type Wait = (ms: number) => Promise<void>;

const sleep: Wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The answer comes from this extension's own background: a light check against "no answer" suffices.
const isPageConfig = (value: unknown): value is PageConfig => Array.isArray((value as Partial<PageConfig> | null | undefined)?.rules);

async function askOnce(): Promise<PageConfig | undefined> {
  try {
    const answer: unknown = await browser.runtime.sendMessage({ type: 'get-page-config' } satisfies BackgroundRequest);
    return isPageConfig(answer) ? answer : undefined;
  } catch {
    // "Receiving end does not exist": no background to answer (yet, or any more).
    return undefined;
  }
}

/**
 * The background's PageConfig. Sending wakes a sleeping service worker; an answer that fails or
 * is not a PageConfig is asked for once more. Undefined when the second answer fails too.
 */
export async function requestPageConfig(wait: Wait = sleep): Promise<PageConfig | undefined> {
  const first = await askOnce();
  if (first) return first;
  await wait(RETRY_DELAY_MS);
  return askOnce();
}

type StorageChanges = Record<string, unknown>;

/** Calls `onChange` after each change to the stored settings, from any window or device. */
export function watchSettingsChanges(onChange: () => void): () => void {
  const listener = (changes: StorageChanges, area: string) => {
    // WXT writes the value and its version key together; either one alone is a change too.
    if (area === SETTINGS_AREA && (Object.hasOwn(changes, SETTINGS_KEY) || Object.hasOwn(changes, SETTINGS_META_KEY))) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Hands `apply` the PageConfig now and after every settings change, until the returned function is
 * called. Of answers that arrive out of order, only ones newer than the last applied are applied; a
 * request that fails leaves the last config in place (and, at the start, nothing applied at all).
 */
export function followPageConfig(apply: (config: PageConfig) => void, request: () => Promise<PageConfig | undefined> = requestPageConfig): () => void {
  let asked = 0;
  let applied = 0;
  let stopped = false;
  const ask = () => {
    const number = ++asked;
    request()
      .then((config) => {
        if (!config || stopped || number <= applied) return;
        applied = number;
        apply(config);
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
