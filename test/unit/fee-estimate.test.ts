// The handling fee and refund, computed as the published table and formula say, and the popup's
// estimator a user fills in: the share by term and year of use, the amounts, and what is wrong.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { estimateHandlingFee, type Term } from '../../src/fees/handling-fee';
import { answerAsBackground } from '../support/background';
import { mountPopup } from '../../src/popup/popup';
import { saveSettings } from '../../src/settings/storage';
import { defaultSettings } from '../../src/settings/settings';

const start = new Date('2025-01-10T10:30:00');
const at = (iso: string) => new Date(iso);

describe('the published fee table', () => {
  it.each([
    ['3-year', '2025-06-01T00:00:00', 15, 1],
    ['3-year', '2026-03-01T00:00:00', 10, 2],
    ['3-year', '2027-05-01T00:00:00', 5, 3],
    ['2-year', '2025-12-01T00:00:00', 15, 1],
    ['2-year', '2026-12-01T00:00:00', 10, 2],
    ['1-year', '2025-12-01T00:00:00', 10, 1],
    ['monthly', '2025-01-20T00:00:00', 10, 1],
  ] as const)('a %s term unsubscribed on %s costs %d%% (year %d of use)', (term, when, percent, yearOfUse) => {
    expect(estimateHandlingFee({ term: term as Term, start, at: at(when) })).toMatchObject({ percent, yearOfUse });
  });

  it('counts a year of use as up to and including its last day: a 3-year term is 15% until one year has passed', () => {
    expect(estimateHandlingFee({ term: '3-year', start, at: new Date('2026-01-10T10:30:00') })).toMatchObject({ percent: 15 });
    expect(estimateHandlingFee({ term: '3-year', start, at: new Date('2026-01-10T11:30:00') })).toMatchObject({ percent: 10 });
  });

  it('computes refund = paid - consumed - fee, consumed in whole hours from the hour the order took effect', () => {
    // A monthly EVS disk from 10:30 on 1 January 2024, unsubscribed at 18:40 on 15 January: the
    // published example counts 14 days 8 hours of use (10:00 to 18:00).
    const estimate = estimateHandlingFee({ term: 'monthly', start: new Date('2024-01-01T10:30:00'), at: new Date('2024-01-15T18:40:00'), paid: 100 });
    expect(estimate).toMatchObject({ usedHours: 14 * 24 + 8, orderHours: 31 * 24, percent: 10 });
    if ('problem' in estimate) throw new Error(estimate.problem);
    const consumed = Math.round(((100 * (14 * 24 + 8)) / (31 * 24)) * 100) / 100;
    expect(estimate.amounts).toEqual({ consumed, fee: 10, refund: Math.round((100 - consumed - 10) * 100) / 100 });
  });

  it('never refunds below 0', () => {
    const estimate = estimateHandlingFee({ term: 'monthly', start, at: new Date('2025-02-09T00:00:00'), paid: 100 });
    expect('amounts' in estimate && estimate.amounts!.refund).toBe(0);
  });

  it('says within five days of the start', () => {
    expect(estimateHandlingFee({ term: '1-year', start, at: new Date('2025-01-14T10:00:00') })).toMatchObject({ withinFiveDays: true });
    expect(estimateHandlingFee({ term: '1-year', start, at: new Date('2025-01-15T11:00:00') })).toMatchObject({ withinFiveDays: false });
  });

  it.each([
    [{ term: '1-year', start: new Date(NaN), at: start }, 'start-invalid'],
    [{ term: '1-year', start, at: new Date(NaN) }, 'at-invalid'],
    [{ term: '1-year', start, at: new Date('2024-12-31T00:00:00') }, 'at-before-start'],
    [{ term: '1-year', start, at: new Date('2026-02-01T00:00:00') }, 'term-over'],
    [{ term: '1-year', start, at: new Date('2025-02-01T00:00:00'), paid: -5 }, 'paid-invalid'],
    [{ term: '1-year', start, at: new Date('2025-02-01T00:00:00'), paid: Number.NaN }, 'paid-invalid'],
  ] as const)('names what is wrong: %o -> %s', (input, problem) => {
    expect(estimateHandlingFee(input as Parameters<typeof estimateHandlingFee>[0])).toEqual({ problem });
  });
});

describe("the popup's estimator", () => {
  let root: HTMLElement;
  beforeEach(() => {
    fakeBrowser.reset();
    answerAsBackground();
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
  });
  afterEach(() => vi.restoreAllMocks());

  async function open() {
    root = document.createElement('main');
    document.body.replaceChildren(root);
    const popup = await mountPopup(root, { search: '' });
    await popup.pageReady;
    const fee = root.querySelector<HTMLElement>('.fee')!;
    const [term] = fee.querySelectorAll('select');
    const [startBox, atBox, paidBox] = fee.querySelectorAll('input');
    const fill = (values: { term?: string; start?: string; at?: string; paid?: string }) => {
      if (values.term) term!.value = values.term;
      if (values.start !== undefined) startBox!.value = values.start;
      if (values.at !== undefined) atBox!.value = values.at;
      if (values.paid !== undefined) paidBox!.value = values.paid;
      fee.querySelector('form')!.dispatchEvent(new Event('input', { bubbles: true }));
    };
    const output = () => fee.querySelector('.fee-output')!.textContent!.replace(/\s+/g, ' ');
    return { fee, fill, output };
  }

  it('estimates the fee and the refund from a term, a start date and the amount paid, with the source', async () => {
    const { fee, fill, output } = await open();
    expect(output()).toContain('Pick the term and the date the order took effect.');
    fill({ term: '3-year', start: '2025-01-10', at: '2026-03-01', paid: '3600' });
    expect(output()).toMatch(/Handling fee: 10% of the actual payment \(year 2 of use; the term ends on Jan 10, 2028\)/);
    expect(output()).toMatch(/handling fee ≈ 360\.00/);
    const link = fee.querySelector('.source a')!;
    expect(link.textContent).toBe('Source: Unsubscription Rules, edition 2024-06-28');
    expect(link.getAttribute('href')).toContain('en-us_topic_0083138805');
  });

  it.each([
    [{ start: '2025-01-10', at: '2024-12-01' }, 'The unsubscription date is before the date the order took effect.'],
    [{ term: 'monthly', start: '2025-01-10', at: '2025-03-01' }, 'The term ended on Feb 10, 2025: an expired resource cannot be unsubscribed.'],
    [{ start: '2025-01-10', at: '2025-02-01', paid: '-3' }, 'The actual payment must be a number, 0 or more.'],
    [{ start: '2025-01-10', at: '' }, 'The unsubscription date is missing or is not a date.'],
  ])('says what is wrong, and shows no figure: %o', async (values, message) => {
    const { fee, fill, output } = await open();
    fill({ term: '1-year', ...values });
    expect(output()).toBe(message);
    expect(fee.querySelector('.fee-rate')).toBeNull();
  });

  it('speaks Chinese, with the China site as the source', async () => {
    await saveSettings({ ...defaultSettings, language: 'zh' });
    const { fee, fill, output } = await open();
    fill({ term: '1-year', start: '2025-01-10', at: '2025-01-12', paid: '1000' });
    expect(output()).toMatch(/退订手续费：实付金额的 10%（使用第 1 年/);
    expect(output()).toContain('五天无理由退订');
    const link = fee.querySelector('.source a')!;
    expect(link.textContent).toBe('来源：退订规则，2024-06-28 版');
    expect(link.getAttribute('href')).toBe('https://support.huaweicloud.com/usermanual-billing/zh-cn_topic_0083138805.html');
  });
});
