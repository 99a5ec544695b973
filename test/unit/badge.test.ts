import { beforeEach, describe, expect, it } from 'vitest';
import { createBadge, updateBadge } from '../../src/badges/badge';
import { evaluate } from '../../src/rules/engine';
import { catalog } from '../../src/rules/catalog';

const expired = evaluate({ productType: 'Elastic Cloud Server', status: 'Expired', tags: ['KooGallery'] }, catalog, { lang: 'en' });

function parts(host: HTMLElement) {
  const shadow = host.shadowRoot!;
  return { shadow, button: shadow.querySelector('button')!, panel: () => shadow.querySelector<HTMLElement>('.panel') };
}

describe('a row badge', () => {
  beforeEach(() => document.body.replaceChildren());

  it('names the verdict and the main reason, and counts the others', () => {
    const host = createBadge(document, expired, 'en');
    expect(host.className).toBe('unsub-lens-badge');
    expect(parts(host).button.textContent).toBe('⊘Cannot unsubscribe · Expired +1');
  });

  it('speaks Chinese when the page does', () => {
    const zh = evaluate({ productType: '消息通知服务' }, catalog, { lang: 'zh' });
    expect(parts(createBadge(document, zh, 'zh')).button.textContent).toBe('⊘不可退订 · 消息通知服务');
  });

  it('opens its explanation on keyboard focus, described for screen readers, and closes with Escape', () => {
    const host = createBadge(document, expired, 'en');
    document.body.append(host);
    const { button, panel } = parts(host);
    button.focus();
    expect(panel()?.hidden).toBe(false);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-describedby')).toBe(panel()!.id);
    const text = panel()!.textContent!;
    expect(text).toContain('Expired cloud services cannot be unsubscribed from');
    expect(text).toContain('Shown on the page: Status “Expired”');
    expect(text).toContain('KooGallery (Marketplace) product');
    const link = panel()!.querySelector('a')!;
    expect(link.href).toBe('https://support-intl.huaweicloud.com/en-us/usermanual-billing/en-us_topic_0083138804.html');
    expect(link.rel).toBe('noopener noreferrer');
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(panel()!.hidden).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('stays open after a click until clicked again', () => {
    const host = createBadge(document, expired, 'en');
    document.body.append(host);
    const { button, panel } = parts(host);
    button.click();
    expect(panel()?.hidden).toBe(false);
    button.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    expect(panel()?.hidden).toBe(false);
    button.click();
    expect(panel()?.hidden).toBe(true);
  });

  it('keeps its clicks from reaching the console row (no row selection)', () => {
    const row = document.createElement('div');
    let rowClicks = 0;
    row.addEventListener('click', () => rowClicks++);
    const host = createBadge(document, expired, 'en');
    row.append(host);
    document.body.append(row);
    parts(host).button.click();
    expect(rowClicks).toBe(0);
  });

  it('shows page text as text, never as markup', () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const evaluation = evaluate({ productType: 'ECS', reasonText: hostile }, catalog, { lang: 'en' });
    const host = createBadge(document, evaluation, 'en');
    document.body.append(host);
    parts(host).button.focus();
    const panel = parts(host).panel()!;
    expect(panel.querySelector('img, script')).toBeNull();
    expect(panel.textContent).toContain(hostile);
  });

  it('updates in place and reports when nothing changed', () => {
    const host = createBadge(document, expired, 'en');
    expect(updateBadge(host, expired, 'en')).toBe(false);
    const smn = evaluate({ productType: 'SMN' }, catalog, { lang: 'en' });
    expect(updateBadge(host, smn, 'en')).toBe(true);
    expect(parts(host).button.textContent).toBe('⊘Cannot unsubscribe · Simple Message Notification');
    expect(host.dataset.verdict).toBe('blocked');
  });
});
