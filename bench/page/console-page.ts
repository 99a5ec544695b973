// The console around the table: header with a ticking clock, the left menu, tabs, toolbar, and a
// dropdown menu that opens and closes (appended to <body>, as TinyUI's dropdowns are). Styles are
// those of the saved console page (test/fixtures/intl-en-tiny.html), so layout costs are realistic.
const consoleCss = `
html, body { margin: 0; padding: 0; }
body { font-family: "Helvetica Neue", Helvetica, Arial, "PingFang SC", sans-serif; font-size: 12px; color: #252b3a; background: #f2f5fc; }
a { color: #526ecc; text-decoration: none; }
.cbc-header { height: 50px; background: #252b3a; color: #fff; display: flex; align-items: center; padding: 0 16px; gap: 24px; }
.cbc-header .cbc-spacer { flex: 1; }
.cbc-layout { display: flex; min-height: calc(100vh - 50px); }
.ti3-leftmenu { width: 208px; background: #fff; border-right: 1px solid #dfe1e6; padding: 12px 0; flex: none; }
.ti3-leftmenu a { display: block; padding: 8px 20px; color: #252b3a; }
.cbc-main { flex: 1; padding: 16px 24px; min-width: 0; }
.cbc-card { background: #fff; padding: 16px; border-radius: 2px; }
.ti3-tabs-nav { list-style: none; margin: 0 0 12px; padding: 0; display: flex; border-bottom: 1px solid #dfe1e6; }
.ti3-tabs-nav li { padding: 8px 16px; }
.cbc-toolbar { display: flex; gap: 8px; align-items: center; margin-bottom: 12px; }
.ti3-table { display: block; width: 100%; }
.ti3-table table { width: 100%; border-collapse: collapse; table-layout: fixed; background: #fff; }
.ti3-table th { background: #f5f5f6; color: #575d6c; font-weight: normal; text-align: left; }
.ti3-table th, .ti3-table td { padding: 8px 10px; border-bottom: 1px solid #dfe1e6; overflow: hidden; overflow-wrap: anywhere; vertical-align: top; }
.ti3-table tr.ti3-disabled-tr td { color: #8a8e99; }
.ti3-btn-link { border: 0; background: none; color: #526ecc; padding: 0; font-size: 12px; cursor: pointer; }
.ti3-btn-link[disabled], .ti3-btn-link[aria-disabled="true"] { color: #adb0b8; cursor: not-allowed; }
.ti3-tag { display: inline-block; margin-left: 6px; padding: 0 6px; line-height: 16px; border: 1px solid #f2bf66; color: #ce8c1f; border-radius: 2px; font-size: 11px; }
.cbc-resource-id { color: #8a8e99; display: block; margin-top: 2px; }
.cbc-status-dot { display: inline-block; width: 6px; height: 6px; border-radius: 50%; margin-right: 6px; background: #50d4ab; }
.cbc-status-dot.warn { background: #fa9841; }
.cbc-status-dot.error { background: #f66f6a; }
.ti3-checkbox-input { position: absolute; opacity: 0; }
.ti3-checkbox-skin { display: inline-block; border: 1px solid #adb0b8; width: 12px; height: 12px; background: #fff; }
.ti3-dropdown-container { position: absolute; top: 50px; right: 16px; background: #fff; border: 1px solid #dfe1e6; box-shadow: 0 2px 8px rgba(0,0,0,.15); }
.ti3-dropdown-container ul { list-style: none; margin: 0; padding: 4px 0; }
.ti3-dropdown-container li { padding: 6px 16px; }
`;

export interface ConsolePage {
  /** Where the Unsubscriptions table goes. */
  tableSlot: HTMLElement;
  clock: HTMLElement;
  userMenu: HTMLElement;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

export function buildConsolePage(doc: Document): ConsolePage {
  const style = el(doc, 'style');
  style.textContent = consoleCss;
  doc.head.append(style);
  doc.title = 'Unsubscriptions - Billing Center';

  const header = el(doc, 'div', 'cbc-header');
  const clock = el(doc, 'span', 'cbc-clock', '00:00:00');
  const userMenu = el(doc, 'span', 'cbc-user', 'hwc-demo-user ▾');
  header.append(el(doc, 'span', 'cbc-logo', 'HUAWEI CLOUD'), el(doc, 'span', 'cbc-spacer'), clock, userMenu);

  const menu = el(doc, 'nav', 'ti3-leftmenu');
  for (const item of [
    'Overview',
    'Funds Management',
    'Orders',
    'My Orders',
    'Renewals',
    'Unsubscriptions',
    'Changes',
    'Resource Packages',
    'Bills',
    'Invoices',
  ]) {
    const link = el(doc, 'a', undefined, item);
    link.href = '#';
    menu.append(link);
  }

  const main = el(doc, 'div', 'cbc-main');
  const card = el(doc, 'div', 'cbc-card');
  const tabs = el(doc, 'ul', 'ti3-tabs-nav');
  for (const tab of ['Unsubscribe from In-Use Resources', 'Unsubscribe from Inactive Resources', 'Unsubscribe from Renewal Periods'])
    tabs.append(el(doc, 'li', undefined, tab));
  const toolbar = el(doc, 'div', 'cbc-toolbar');
  toolbar.append(
    el(doc, 'button', undefined, 'Batch Unsubscribe'),
    el(doc, 'span', undefined, 'Product Type: All'),
    el(doc, 'span', undefined, 'Region: All regions'),
  );
  const tableSlot = el(doc, 'div', 'cbc-table-slot');
  card.append(tabs, toolbar, tableSlot);
  main.append(el(doc, 'h1', undefined, 'Unsubscriptions'), card);

  const layout = el(doc, 'div', 'cbc-layout');
  layout.append(menu, main);
  doc.body.replaceChildren(header, layout);
  return { tableSlot, clock, userMenu };
}

/** One unrelated change of the page: the clock ticks (two ways), the user menu opens or closes. */
export function churnStep(doc: Document, page: ConsolePage, step: number): void {
  const seconds = step % 86400;
  const time = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60].map((n) => String(n).padStart(2, '0')).join(':');
  switch (step % 4) {
    case 0: // a clock written with textContent: a childList mutation
      page.clock.textContent = time;
      break;
    case 1: {
      const dropdown = el(doc, 'div', 'ti3-dropdown-container');
      const list = el(doc, 'ul');
      for (const item of ['Basic Information', 'Security Settings', 'My Credentials', 'Log Out']) list.append(el(doc, 'li', undefined, item));
      dropdown.append(list);
      doc.body.append(dropdown);
      break;
    }
    case 2: // a clock bound by Angular: the text node's data changes (characterData)
      (page.clock.firstChild as Text).data = time;
      break;
    default:
      doc.body.querySelector(':scope > .ti3-dropdown-container')?.remove();
  }
}
