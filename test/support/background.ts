// The background's answers in the in-memory browser, as entrypoints/background.ts gives them: the
// popup asks it for the settings, the options page for the catalog.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerRequest } from '../../src/background/requests';
import { catalog } from '../../src/rules/catalog';

/** Call after each fakeBrowser.reset(): the reset removes every listener. */
export function answerAsBackground(): void {
  // The in-memory browser delivers only answers given through sendResponse (the listener returning true).
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
    const answer = answerRequest(message, catalog);
    if (!answer) return undefined;
    void answer.then(sendResponse);
    return true;
  });
}
