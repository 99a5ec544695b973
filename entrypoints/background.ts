import { browser } from 'wxt/browser';
import { answerRequest } from '../src/background/requests';
import { showWelcomeOnInstall } from '../src/background/first-run';
import { onBackgroundMessage } from '../src/background/toolbar-badge';
import { catalog } from '../src/rules/catalog';
import { watchSettings } from '../src/settings/storage';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender) => {
    const answer = answerRequest(message, catalog);
    if (answer) return answer;
    onBackgroundMessage(message, sender);
    return undefined;
  });
  browser.runtime.onInstalled.addListener(({ reason }) => void showWelcomeOnInstall(reason).catch((error: unknown) => console.warn(error)));
  // Reading a changed value keeps it aside when this version cannot fully use it (a newer version on a
  // synced device wrote it), even when no page asks for the settings before the next save.
  watchSettings(() => undefined);
});
