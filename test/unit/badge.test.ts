import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { badgeShadowRoot, createBadge, removeBadge, updateBadge } from '../../src/badges/badge';
import { badgeText } from '../../src/badges/badge-text';
import { evaluate } from '../../src/rules/engine';
import { catalog } from '../../src/rules/catalog';

const expired = evaluate({ productType: 'Elastic Cloud Server', status: 'Expired', tags: ['KooGallery'] }, catalog, { lang: 'en' });
const smn = evaluate({ productType: 'SMN' }, catalog, { lang: 'en' });
const unknownDisabled = evaluate({ productType: 'Elastic Cloud Server', actionDisabled: true }, catalog, { lang: 'en' });

function parts(host: HTMLElement) {
  const shadow = badgeShadowRoot(host)!;
  const button = shadow.querySelector('button')!;
  return { shadow, button, panel: () => shadow.querySelector<HTMLElement>('.panel'), isOpen: () => button.getAttribute('aria-expanded') === 'true' };
}

function placed(evaluation = expired, lang: 'en' | 'zh' = 'en') {
  const host = createBadge(document, evaluation, badgeText[lang]);
  document.body.append(host);
  return { host, ...parts(host) };
}

const escape = () => new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true });

describe('a row badge', () => {
  beforeEach(() => document.body.replaceChildren());
  afterEach(() => {
    for (const host of document.querySelectorAll('.unsub-lens-badge')) removeBadge(host);
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('says only the short verdict, in the page language, so it fits a narrow cell', () => {
    const caution = evaluate({ productType: 'Elastic Cloud Server', actionDisabled: true }, catalog, { lang: 'zh' });
    const zhBlocked = evaluate({ productType: '消息通知服务' }, catalog, { lang: 'zh' });
    expect(parts(createBadge(document, expired, badgeText.en)).button.textContent).toBe('Blocked');
    expect(parts(createBadge(document, unknownDisabled, badgeText.en)).button.textContent).toBe('Check');
    expect(parts(createBadge(document, zhBlocked, badgeText.zh)).button.textContent).toBe('不可退订');
    expect(parts(createBadge(document, caution, badgeText.zh)).button.textContent).toBe('请核实');
    expect(createBadge(document, expired, badgeText.en).className).toBe('unsub-lens-badge');
  });

  it('names the main reason, and how many more there are in words, in its accessible name', () => {
    expect(parts(createBadge(document, expired, badgeText.en)).button.getAttribute('aria-label')).toBe(
      'Cannot unsubscribe: Expired, and 1 more reason',
    );
    const three = evaluate({ productType: 'Elastic Cloud Server', status: 'Expired', billingMode: 'Free', tags: ['Trial'] }, catalog, { lang: 'en' });
    expect(three.reasons.length).toBe(3);
    expect(parts(createBadge(document, three, badgeText.en)).button.getAttribute('aria-label')).toMatch(/, and 2 more reasons$/);
    const zhThree = evaluate({ productType: '弹性云服务器', status: '已过期', billingMode: '免费', tags: ['试用'] }, catalog, { lang: 'zh' });
    expect(parts(createBadge(document, zhThree, badgeText.zh)).button.getAttribute('aria-label')).toMatch(/^不可退订：.+，另有 2 条原因$/);
    expect(parts(createBadge(document, smn, badgeText.en)).button.getAttribute('aria-label')).toBe('Cannot unsubscribe: Simple Message Notification');
    const zh = evaluate({ productType: '消息通知服务' }, catalog, { lang: 'zh' });
    expect(parts(createBadge(document, zh, badgeText.zh)).button.getAttribute('aria-label')).toBe('不可退订：消息通知服务');
  });

  it('opens its explanation on keyboard focus, described for screen readers, and closes with Escape', () => {
    const { button, panel, shadow, isOpen } = placed();
    button.focus();
    expect(panel()?.hidden).toBe(false);
    expect(isOpen()).toBe(true);
    expect(button.getAttribute('aria-describedby')).toBe(panel()!.id);
    const text = panel()!.textContent;
    expect(panel()!.querySelector('h2')!.textContent).toBe('Cannot unsubscribe');
    expect(text).toContain('Expired cloud services cannot be unsubscribed from');
    expect(text).toContain('Shown on the page: Status “Expired”');
    expect(text).toContain('KooGallery (Marketplace) product');
    const links = [...panel()!.querySelectorAll('a')];
    expect(links.map((link) => link.href)).toEqual(
      expired.reasons.map(() => 'https://support-intl.huaweicloud.com/en-us/usermanual-billing/en-us_topic_0083138804.html'),
    );
    expect(links[0]!.rel).toBe('noopener noreferrer');
    button.dispatchEvent(escape());
    expect(panel()!.hidden).toBe(true);
    expect(isOpen()).toBe(false);
    // Focus stays on the badge, so the user goes on from where they were.
    expect(shadow.activeElement).toBe(button);
  });

  it('never scrolls the page or the table when it takes focus or opens', () => {
    const scrolls = [
      vi.spyOn(Element.prototype, 'scrollIntoView'),
      vi.spyOn(Element.prototype, 'scroll'),
      vi.spyOn(Element.prototype, 'scrollTo'),
      vi.spyOn(Element.prototype, 'scrollBy'),
      vi.spyOn(window, 'scroll'),
      vi.spyOn(window, 'scrollTo'),
      vi.spyOn(window, 'scrollBy'),
    ];
    const focus = vi.spyOn(HTMLElement.prototype, 'focus');
    const { button, panel } = placed();
    button.focus();
    button.dispatchEvent(escape());
    button.click();
    panel()!.querySelector<HTMLButtonElement>('.close')!.click();
    const byBadge = focus.mock.calls.slice(1); // the first is the test's own focus()
    expect(byBadge.length).toBeGreaterThan(0);
    for (const [options] of byBadge) expect(options).toEqual({ preventScroll: true });
    for (const scroll of scrolls) expect(scroll).not.toHaveBeenCalled();
  });

  it('opens on hover, stays while the pointer is on it, and closes a moment after the pointer leaves', () => {
    vi.useFakeTimers();
    const { button, isOpen } = placed();
    button.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
    expect(isOpen()).toBe(true);
    button.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, composed: true, relatedTarget: document.body }));
    vi.advanceTimersByTime(100);
    expect(isOpen()).toBe(true);
    vi.advanceTimersByTime(200);
    expect(isOpen()).toBe(false);
  });

  it('stays open while the page scrolls, and closes when the badge leaves the viewport', () => {
    const { button, isOpen } = placed();
    button.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
    document.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('resize'));
    expect(isOpen()).toBe(true);
    vi.spyOn(button, 'getBoundingClientRect').mockReturnValue(new DOMRect(100, -60, 120, 20));
    document.dispatchEvent(new Event('scroll'));
    expect(isOpen()).toBe(false);
  });

  it('stays open after a click until clicked again, a click elsewhere or Escape', () => {
    const { button, panel, isOpen } = placed();
    button.click();
    expect(panel()?.hidden).toBe(false);
    button.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    button.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, composed: true, relatedTarget: document.body }));
    panel()!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(isOpen()).toBe(true);
    button.click();
    expect(panel()?.hidden).toBe(true);

    button.click();
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    expect(isOpen()).toBe(false);

    button.click();
    document.body.dispatchEvent(escape());
    expect(isOpen()).toBe(false);
  });

  it('shows one explanation at a time', () => {
    const first = placed();
    const second = placed(smn);
    first.button.click();
    second.button.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
    expect(first.isOpen()).toBe(false);
    expect(second.isOpen()).toBe(true);
  });

  it('keeps its clicks and keys from reaching the console row (no row selection)', () => {
    const row = document.createElement('div');
    const seen: string[] = [];
    for (const type of ['click', 'mousedown', 'keydown']) row.addEventListener(type, () => seen.push(type));
    const host = createBadge(document, expired, badgeText.en);
    row.append(host);
    document.body.append(row);
    const { button } = parts(host);
    button.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, composed: true }));
    button.click();
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    expect(seen).toEqual([]);
  });

  it('shows page text as text, never as markup', () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const evaluation = evaluate({ productType: 'ECS', reasonText: hostile }, catalog, { lang: 'en' });
    const { button, panel } = placed(evaluation);
    button.focus();
    expect(panel()!.querySelector('img, script')).toBeNull();
    expect(panel()!.textContent).toContain(hostile);
  });

  it('updates in place, also while open, and reports when nothing changed', () => {
    const { host, button, panel } = placed();
    expect(updateBadge(host, expired, badgeText.en)).toBe(false);
    button.click();
    expect(updateBadge(host, unknownDisabled, badgeText.en)).toBe(true);
    expect(button.textContent).toBe('Check');
    expect(button.getAttribute('aria-label')).toBe('Check: Unsubscribe is disabled, reason not shown');
    expect(host.dataset.verdict).toBe('caution');
    expect(panel()!.querySelector('h3')!.textContent).toBe('Unsubscribe is disabled, reason not shown');
  });

  it('shares one stylesheet among all badges, or carries its own where sheets cannot be adopted', () => {
    const [a, b] = [placed().shadow, placed(smn).shadow];
    expect(a.adoptedStyleSheets).toHaveLength(1);
    expect(a.adoptedStyleSheets[0]).toBe(b.adoptedStyleSheets[0]);
    expect(a.querySelector('style')).toBeNull();
    // A document without a window of its own (as a saved page read by the CLI may be) cannot construct one.
    const detached = document.implementation.createHTMLDocument('');
    const style = badgeShadowRoot(createBadge(detached, expired, badgeText.en))!.querySelector('style');
    expect(style?.textContent).toContain(':host');
  });
});

describe('the shadow root of a badge', () => {
  afterEach(() => {
    for (const host of document.querySelectorAll('.unsub-lens-badge')) removeBadge(host);
    vi.restoreAllMocks();
  });

  it('is closed to the page: its scripts cannot read or change what the badge says', () => {
    vi.spyOn(window.navigator, 'webdriver', 'get').mockReturnValue(false);
    const host = createBadge(document, smn, badgeText.en);
    document.body.append(host);
    expect(host.shadowRoot).toBeNull();
    const shadow = badgeShadowRoot(host)!;
    expect(shadow.mode).toBe('closed');
    expect(shadow.querySelector('button')?.textContent).toBe('Blocked');
    // The badge still opens for the keyboard: focus on its button shows the explanation.
    shadow.querySelector('button')!.focus();
    expect(shadow.querySelector('button')!.getAttribute('aria-expanded')).toBe('true');
  });

  it('is open only under automation, for the browser tests to read', () => {
    vi.spyOn(window.navigator, 'webdriver', 'get').mockReturnValue(true);
    const host = createBadge(document, smn, badgeText.en);
    expect(host.shadowRoot).toBe(badgeShadowRoot(host));
  });
});

describe('the listeners badges add', () => {
  it('are a constant few on the document, however many badges there are, and go with the last badge', async () => {
    const { clearAll } = await import('../../src/badges/row-annotation');
    document.body.replaceChildren();
    const added = vi.spyOn(EventTarget.prototype, 'addEventListener');
    const removed = vi.spyOn(EventTarget.prototype, 'removeEventListener');
    const count = (badges: number) => {
      added.mockClear();
      for (let i = 0; i < badges; i++) document.body.append(createBadge(document, smn, badgeText.en));
      return added.mock.calls.length;
    };
    const forTen = count(10);
    clearAll(document);
    const forThousand = count(1000);
    expect(forThousand).toBe(forTen);
    expect(forThousand).toBeLessThanOrEqual(12);
    expect(added.mock.calls.every(([, , options]) => options === true)).toBe(true); // capture: before the console's row
    removed.mockClear();
    clearAll(document);
    expect(removed.mock.calls).toHaveLength(forThousand);
    added.mockRestore();
    removed.mockRestore();
  });
});
