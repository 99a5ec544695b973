// The badge's styles, inside its shadow root: the console's CSS cannot reach in, and none leaks out.
// `!important` on :host because the page's rules for the host element would otherwise win.
// Light, as the console is, whatever the operating system's scheme: the badge belongs to the page.
// The short word shows only where it fits whole: the badge is a one-line-high flex box whose word
// wraps, out of sight, to a second line when the cell is too narrow, leaving the verdict's icon (no
// measured threshold, so no font can cut the word). In a cell too narrow even for the icon (the
// console's fixed-layout table at 200% zoom; the host is a size container), a mark in the verdict's
// colour. The word stays the accessible name's start. The host is a block of its own under the cell's
// text, so a narrow cell (or one with `nowrap`) never pushes it out of sight.
export const badgeCss = `
:host{all:initial!important;display:block!important;margin-top:2px!important;line-height:0!important;container-type:inline-size!important}
*{box-sizing:border-box}
.badge,.panel{font:12px/16px system-ui,"PingFang SC","Microsoft YaHei",sans-serif}
.badge{display:inline-flex;flex-wrap:wrap;align-content:flex-start;align-items:center;max-width:100%;height:20px;margin:0;padding:1px 5px;border:1px solid var(--l);border-radius:2px;color:var(--c);background:var(--b);cursor:pointer;text-align:start;white-space:nowrap;overflow:hidden}
.badge::before{font-size:12px;font-weight:700;margin-inline-end:3px}
.badge.blocked::before{content:'⊘'}
.badge.elsewhere::before{content:'↗'}
.badge.caution::before{content:'!'}
.badge.noted::before{content:'✓'}
@container (max-width:19px){.badge{width:100%;min-width:6px;max-width:12px;height:16px;padding:0;font-size:0;background:var(--c);border-color:var(--c)}:host .badge::before{content:none}}
:focus-visible{outline:2px solid #1476ff;outline-offset:1px}
.blocked{--c:#a8071a;--b:#fff1f0;--l:#ffa39e}
.caution{--c:#874d00;--b:#fffbe6;--l:#ffd666}
.elsewhere{--c:#1d4fb8;--b:#eef3fe;--l:#9db7f0}
.allowed{--c:#434a54;--b:#f5f6f8;--l:#d9dde3}
.noted{--c:#0b6e3f;--b:#edf9f1;--l:#8fd3ac}
.panel{position:fixed;z-index:2147483647;inset:auto;margin:0;width:min(380px,calc(100vw - 16px));max-height:min(60vh,420px);overflow:auto;padding:10px 12px;border:1px solid #d9dde3;border-radius:4px;color:#191919;background:#fff;box-shadow:0 4px 16px #0003;text-align:start}
.panel[hidden]{display:none}
h2{margin:0 24px 6px 0;font-size:13px;line-height:20px;color:var(--c)}
section{padding:6px 0;border-top:1px solid #eceef1}
h3{margin:0 0 2px;font-size:12px}
p{margin:0 0 4px}
.evidence,.note{color:#575d6c}
.where{font-weight:600}
.note{font-style:italic}
a{color:#0a5bd8}
.bar{display:flex;flex-wrap:wrap;align-items:center;gap:4px 12px;margin:0 0 8px;padding:6px 10px;border:1px solid #d9dde3;border-radius:4px;background:#fafbfc;color:#191919;font:12px/18px system-ui,"PingFang SC","Microsoft YaHei",sans-serif;line-height:18px}
.bar p{margin:0;display:flex;flex-wrap:wrap;gap:4px 10px}
.chip{padding:0 6px;border:1px solid var(--l);border-radius:2px;color:var(--c);background:var(--b)}
.bar-filter{font:inherit;padding:1px 8px;border:1px solid #c2c6cc;border-radius:2px;background:#fff;color:#191919;cursor:pointer}
.bar-filter[aria-pressed=true]{border-color:#1476ff;color:#0a5bd8;background:#eef3fe}
.bar-legend{color:#575d6c;flex-basis:100%}
.bar-note{color:#0a5bd8;font-weight:600}.bar-note[hidden]{display:none}
.legend-item b{color:var(--c)}
.warning{display:block;margin-top:2px;padding:1px 5px;border-inline-start:3px solid #c7000b;background:#fff1f0;color:#a8071a;font:12px/16px system-ui,"PingFang SC","Microsoft YaHei",sans-serif;white-space:normal}
.close{position:absolute;top:6px;inset-inline-end:6px;width:22px;height:22px;padding:0;border:0;border-radius:2px;background:none;color:inherit;font:16px/22px sans-serif;cursor:pointer}
`;

/** One constructed sheet per document, shared by every badge; null where a document cannot adopt one. */
const sheets = new WeakMap<Document, CSSStyleSheet | null>();

/**
 * Styles a badge's shadow root with the shared sheet. Falls back to a `<style>` element where
 * constructed sheets are missing or cannot be adopted (Firefox refuses a content script's sheet).
 */
export function styleShadow(shadow: ShadowRoot): void {
  const doc = shadow.ownerDocument;
  let sheet = sheets.get(doc);
  if (sheet !== null) {
    try {
      if (!sheet) {
        sheet = new (doc.defaultView as Window & typeof globalThis).CSSStyleSheet();
        sheet.replaceSync(badgeCss);
      }
      shadow.adoptedStyleSheets = [sheet];
      sheets.set(doc, sheet);
      return;
    } catch {
      sheets.set(doc, null);
    }
  }
  const style = doc.createElement('style');
  style.textContent = badgeCss;
  shadow.prepend(style);
}
