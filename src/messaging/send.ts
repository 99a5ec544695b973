// One typed way to ask another part of the extension: the request's type gives the answer's type, and
// every answer is checked before it is trusted (a tab may hold no content script, a service worker may
// still be starting). Undefined means no usable answer came.
import { browser } from 'wxt/browser';
import type { BackgroundAnswers, BackgroundRequest, ContentAnswers, ContentRequest } from './protocol';

type Check<T> = (value: unknown) => value is T;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

// The answers come from this extension's own code: light checks against "no answer" and "someone
// else's answer" suffice.
const backgroundChecks: { [K in keyof BackgroundAnswers]: Check<BackgroundAnswers[K]> } = {
  'blocked-count': (value): value is undefined => value === undefined,
  'get-catalog': (value): value is BackgroundAnswers['get-catalog'] =>
    isObject(value) && Array.isArray(value.rules) && typeof value.edition === 'string',
  'get-page-config': (value): value is BackgroundAnswers['get-page-config'] => isObject(value) && Array.isArray(value.rules),
  'get-settings': (value): value is BackgroundAnswers['get-settings'] =>
    isObject(value) && Array.isArray(value.userRules) && Array.isArray(value.disabledRules) && typeof value.enabled === 'boolean',
  'switch-badges-on': (value): value is boolean => typeof value === 'boolean',
};

const contentChecks: { [K in keyof ContentAnswers]: Check<ContentAnswers[K]> } = {
  'get-summary': (value): value is ContentAnswers['get-summary'] =>
    value === null || (isObject(value) && Array.isArray(value.rows) && isObject(value.counts) && isObject(value.diagnostics)),
  'reveal-row': (value): value is boolean => typeof value === 'boolean',
  'filter-rows': (value): value is boolean => typeof value === 'boolean',
  'get-seen': (value): value is ContentAnswers['get-seen'] => Array.isArray(value),
  'clear-seen': (value): value is ContentAnswers['clear-seen'] => isObject(value) && typeof value.resources === 'number',
  'page-through': (value): value is ContentAnswers['page-through'] => value === null || (isObject(value) && typeof value.state === 'string'),
};

async function checked<T>(send: () => Promise<unknown>, check: Check<T>): Promise<T | undefined> {
  try {
    const answer = await send();
    return check(answer) ? answer : undefined;
  } catch {
    // "Receiving end does not exist": nobody there to answer (yet, or any more).
    return undefined;
  }
}

/** Asks the background; its answer, or undefined. */
export function askBackground<R extends BackgroundRequest>(request: R): Promise<BackgroundAnswers[R['type']] | undefined> {
  return checked(() => browser.runtime.sendMessage(request), backgroundChecks[request.type] as Check<BackgroundAnswers[R['type']]>);
}

/** Asks the content script in a tab, waiting at most `timeoutMs`; its answer, or undefined (no script answered). */
export function askTab<R extends ContentRequest>(tabId: number, request: R, timeoutMs: number): Promise<ContentAnswers[R['type']] | undefined> {
  const send = () => Promise.race([browser.tabs.sendMessage(tabId, request), new Promise((resolve) => setTimeout(resolve, timeoutMs, undefined))]);
  return checked(send, contentChecks[request.type] as Check<ContentAnswers[R['type']]>);
}

/** Before asking a second time: a service worker still starting, or an extension being reloaded. */
export const RETRY_DELAY_MS = 200;

export type Wait = (ms: number) => Promise<void>;

const sleep: Wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks the background, and once more after a moment when no usable answer came (sending wakes a sleeping service worker). */
export async function askBackgroundTwice<R extends BackgroundRequest>(
  request: R,
  wait: Wait = sleep,
): Promise<BackgroundAnswers[R['type']] | undefined> {
  const first = await askBackground(request);
  if (first !== undefined) return first;
  await wait(RETRY_DELAY_MS);
  return askBackground(request);
}
