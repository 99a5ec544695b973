// Wires the page code to the browser: active only on the Unsubscriptions route, follows settings
// live, answers the popup, and leaves nothing behind on route change or extension update.
import type { ContentRequest } from '@/src/messaging/protocol';
import type { Catalog } from '@/src/rules/types';
import { compileCatalog } from '@/src/rules/engine';
import { Annotator, type AnnotatorOptions } from '@/src/page/annotator';
import { badgeLanguage } from '@/src/page/page-language';
import { isUnsubscriptionsRoute } from '@/src/page/route';
import { loadSettings, watchSettings } from '@/src/settings/storage';
import type { Settings } from '@/src/settings/settings';

export default defineContentScript({
  matches: ['https://account.huaweicloud.com/usercenter/*', 'https://account-intl.huaweicloud.com/usercenter/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const [loaded, catalog] = await Promise.all([
      loadSettings(),
      browser.runtime.sendMessage({ type: 'get-catalog' }) as Promise<Catalog>,
    ]);
    if (ctx.isInvalid || !catalog?.rules) return;
    let settings: Settings = loaded.settings;

    const optionsFrom = (current: Settings): AnnotatorOptions => {
      const lang = badgeLanguage(current.language, document, navigator.language);
      const { disabledRules, userRules, showAllowed, extraHeaders } = current;
      return { compiled: compileCatalog(catalog, { disabledRules, userRules, lang }), lang, showAllowed, extraHeaders };
    };
    const annotator = new Annotator(
      document,
      optionsFrom(settings),
      {
        frame: (callback) => void ctx.requestAnimationFrame(callback),
        timeout: (callback, ms) => void ctx.setTimeout(callback, ms),
      },
      (count) => void browser.runtime.sendMessage({ type: 'blocked-count', count }).catch(() => {}),
    );

    const sync = () => {
      if (settings.enabled && isUnsubscriptionsRoute(location.href)) annotator.start();
      else annotator.stop();
    };
    ctx.addEventListener(window, 'wxt:locationchange', sync);
    ctx.addEventListener(window, 'hashchange', sync); // sooner than locationchange's polling
    sync();

    const unwatch = watchSettings((next) => {
      settings = next;
      annotator.update(optionsFrom(next));
      sync();
    });

    const onMessage = (message: unknown): Promise<unknown> | undefined => {
      const request = message as ContentRequest | undefined;
      if (request?.type === 'get-summary') return Promise.resolve(annotator.isRunning ? annotator.summary() : null);
      if (request?.type === 'reveal-row') return Promise.resolve(annotator.isRunning && annotator.reveal(request.index));
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);

    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      unwatch();
      annotator.stop();
    });
  },
});
