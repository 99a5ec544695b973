// The badge's styles, inside its shadow root: the console's CSS cannot reach in, and none leaks out.
// `!important` on :host because the page's rules for the host element would otherwise win.
export const badgeCss = `
:host {
  all: initial !important;
  display: inline-block !important;
  vertical-align: middle !important;
  margin-inline-start: 6px !important;
  max-width: 100% !important;
  line-height: 0 !important;
}
* { box-sizing: border-box; }
.badge, .panel {
  font: 12px/18px system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif;
}
.badge {
  display: inline-flex; align-items: center; gap: 4px; max-width: 24em;
  margin: 0; padding: 0 6px; border: 1px solid; border-radius: 2px;
  cursor: pointer; white-space: nowrap; text-align: start;
}
.badge .reason { overflow: hidden; text-overflow: ellipsis; opacity: .9; }
.badge .icon { font-weight: 700; }
.badge:focus-visible, a:focus-visible, .close:focus-visible { outline: 2px solid #1476ff; outline-offset: 1px; }
.blocked { color: #a8071a; background: #fff1f0; border-color: #ffa39e; }
.caution { color: #874d00; background: #fffbe6; border-color: #ffd666; }
.allowed { color: #434a54; background: #f5f6f8; border-color: #d9dde3; }
.panel {
  position: fixed; z-index: 2147483647; inset: auto; margin: 0;
  width: min(380px, calc(100vw - 16px)); max-height: min(60vh, 420px); overflow: auto;
  padding: 10px 12px; border: 1px solid #d9dde3; border-radius: 4px;
  color: #191919; background: #fff; box-shadow: 0 4px 16px rgba(0, 0, 0, .16);
  white-space: normal; text-align: start;
}
.panel[hidden] { display: none; }
.panel h2 { margin: 0 24px 6px 0; font-size: 13px; line-height: 20px; }
.panel h2.blocked, .panel h2.caution, .panel h2.allowed { background: none; border: 0; }
.panel section { padding: 6px 0; border-top: 1px solid #eceef1; }
.panel h3 { margin: 0 0 2px; font-size: 12px; }
.panel p { margin: 0 0 4px; }
.panel .evidence, .panel .note { color: #575d6c; }
.panel .note { font-style: italic; }
.panel a { color: #0a5bd8; }
.close {
  position: absolute; top: 6px; inset-inline-end: 6px; width: 22px; height: 22px; padding: 0;
  border: 0; border-radius: 2px; background: transparent; color: inherit; font: 16px/22px sans-serif; cursor: pointer;
}
@media (prefers-color-scheme: dark) {
  .blocked { color: #ffccc7; background: #3b1114; border-color: #82262c; }
  .caution { color: #ffe58f; background: #332605; border-color: #7c5b0b; }
  .allowed { color: #d0d4da; background: #262a30; border-color: #454b54; }
  .panel { color: #e8eaed; background: #1f2329; border-color: #454b54; box-shadow: 0 4px 16px rgba(0, 0, 0, .5); }
  .panel section { border-color: #343a42; }
  .panel .evidence, .panel .note { color: #aab0ba; }
  .panel a { color: #7fb0ff; }
}
`;
