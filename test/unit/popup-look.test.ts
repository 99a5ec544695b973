// The colours of the popup and the options page (src/ui/base.css), light and dark: every text
// colour is readable on the backgrounds it is drawn on (WCAG AA, 4.5:1), and the focus ring stands
// out from them (3:1).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const css = readFileSync(resolve(__dirname, '../../src/ui/base.css'), 'utf8');

function variables(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

const lightBlock = css.slice(css.indexOf(':root'), css.indexOf('}', css.indexOf(':root')));
const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');
const darkBlock = css.slice(darkStart, css.indexOf('}', css.indexOf(':root', darkStart)));
const schemes = { light: variables(lightBlock), dark: { ...variables(lightBlock), ...variables(darkBlock) } };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

// Text colour -> the backgrounds it appears on.
const textPairs: [string, string[]][] = [
  ['text', ['bg', 'bg-soft', 'caution-bg', 'allowed-bg']],
  ['text-soft', ['bg', 'bg-soft']],
  ['accent', ['bg', 'bg-soft']],
  ['accent-text', ['accent']],
  ['blocked', ['blocked-bg', 'bg']],
  ['caution', ['caution-bg', 'bg']],
  ['allowed', ['allowed-bg']],
  ['ok', ['bg', 'bg-soft']],
  ['error', ['bg', 'bg-soft']],
];

describe.each(Object.entries(schemes))('the %s colours', (_, colours) => {
  it('define the dark scheme in full', () => {
    expect(Object.keys(schemes.dark).sort()).toEqual(Object.keys(schemes.light).sort());
    expect(Object.keys(colours).length).toBeGreaterThan(15);
  });

  it.each(textPairs)('make %s readable on its backgrounds', (text, backgrounds) => {
    for (const background of backgrounds)
      expect(contrast(colours[text]!, colours[background]!), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
  });

  it('make the focus ring stand out from every background', () => {
    for (const background of ['bg', 'bg-soft', 'blocked-bg', 'caution-bg', 'allowed-bg'])
      expect(contrast(colours.focus!, colours[background]!), `focus on ${background}`).toBeGreaterThanOrEqual(3);
  });
});

it('the dark scheme is dark and the light one light', () => {
  expect(luminance(schemes.light.bg!)).toBeGreaterThan(0.8);
  expect(luminance(schemes.dark.bg!)).toBeLessThan(0.05);
  expect(luminance(schemes.dark.text!)).toBeGreaterThan(0.7);
});
