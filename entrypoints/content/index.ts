// Wires the page code to the browser: active only on the Unsubscriptions route, follows settings
// live (the background reads them; see src/messaging/page-config.ts), answers the popup, and leaves
// nothing behind on route change or extension update.
import type { ContentRequest, PageConfig } from '@/src/messaging/protocol';
import { followPageConfig, requestPageConfig } from '@/src/messaging/page-config';
import { compileRules } from '@/src/rules/engine';
import { createAnnotator, type Annotator, type AnnotatorOptions } from '@/src/page/annotator';
import { badgeLanguage } from '@/src/page/page-language';
import { isUnsubscriptionsRoute } from '@/src/page/route';

export default defineContentScript({
  matches: ['https://account.huaweicloud.com/usercenter/*', 'https://account-intl.huaweicloud.com/usercenter/*'],
  runAt: 'document_idle',
  main(ctx) {
    // Until the background first answers there is no annotator, and the script stays out of the page.
    let config: PageConfig | undefined;
    let annotator: Annotator | undefined;

    const optionsFrom = (current: PageConfig): AnnotatorOptions => {
      const lang = badgeLanguage(current.language, document, navigator.language);
      return { compiled: compileRules(current.rules, lang), lang, showAllowed: current.showAllowed, headers: current.headers, words: current.words[lang] };
    };

    const sync = () => {
      if (!annotator || !config) return;
      if (config.enabled && isUnsubscriptionsRoute(location.href)) annotator.start();
      else annotator.stop();
    };
    ctx.addEventListener(window, 'wxt:locationchange', sync);
    ctx.addEventListener(window, 'hashchange', sync); // sooner than locationchange's polling

    const apply = (next: PageConfig) => {
      config = next;
      if (annotator) annotator.update(optionsFrom(next));
      else
        annotator = createAnnotator(
          document,
          optionsFrom(next),
          {
            frame: (callback) => void ctx.requestAnimationFrame(callback),
            timeout: (callback, ms) => void ctx.setTimeout(callback, ms),
          },
          (count) => void browser.runtime.sendMessage({ type: 'blocked-count', count }).catch(() => {}),
        );
      sync();
    };
    const wait = (ms: number) => new Promise<void>((resolve) => void ctx.setTimeout(resolve, ms));
    const stopFollowing = followPageConfig(apply, () => requestPageConfig(wait));

    const onMessage = (message: unknown): Promise<unknown> | undefined => {
      const request = message as ContentRequest | undefined;
      if (request?.type === 'get-summary') return Promise.resolve(annotator?.isRunning ? annotator.summary() : null);
      if (request?.type === 'reveal-row') return Promise.resolve(annotator?.isRunning ? annotator.reveal(request.index) : false);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);

    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      stopFollowing();
      annotator?.stop();
    });
  },
});
