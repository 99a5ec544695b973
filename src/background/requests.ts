// The background's answers to the content script and the extension pages (see protocol.ts).
import type { BackgroundRequest } from '../messaging/protocol';
import type { Catalog } from '../rules/types';
import { loadPageConfig } from './page-config';
import { loadEffectiveSettings } from '../settings/effective-settings';
import { updateSettings } from '../settings/storage';

/**
 * The answer to `message`, or undefined for a message this does not answer (so another listener's
 * answer is not taken over). `blocked-count` is handled by the toolbar badge and gets no answer.
 */
export function answerRequest(message: unknown, catalog: Catalog): Promise<unknown> | undefined {
  const type = (message as { type?: unknown } | null)?.type as BackgroundRequest['type'] | undefined;
  if (type === 'get-catalog') return Promise.resolve(catalog);
  if (type === 'get-page-config') return loadPageConfig(catalog);
  if (type === 'get-settings') return loadEffectiveSettings().then(({ settings }) => settings);
  if (type === 'switch-badges-on')
    return updateSettings((settings) => ({ ...settings, enabled: true })).then(
      () => true,
      () => false,
    );
  return undefined;
}
