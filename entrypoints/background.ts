import { browser } from 'wxt/browser';
import { onBackgroundMessage } from '../src/popup/toolbar-badge';
import { catalog } from '../src/rules/catalog';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender) => {
    if ((message as { type?: unknown } | null)?.type === 'get-catalog') return Promise.resolve(catalog);
    onBackgroundMessage(message, sender);
    return undefined;
  });
});
