import { browser } from 'wxt/browser';
import { answerRequest } from '../src/background/requests';
import { onBackgroundMessage } from '../src/background/toolbar-badge';
import { catalog } from '../src/rules/catalog';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender) => {
    const answer = answerRequest(message, catalog);
    if (answer) return answer;
    onBackgroundMessage(message, sender);
    return undefined;
  });
});
