// The page code run over a saved page in happy-dom, for the scan CLI and the fixture tests.
import { Window } from 'happy-dom';
import type { Diagnostics } from '../page/diagnostics';
import type { ColumnField } from '../console/columns';
import { verdicts, type Resource, type Verdict } from '../rules/types';
import { shortVerdictWords, verdictWords } from '../i18n/verdict-words';
import { catalog } from '../rules/catalog';
import { compileCatalog } from '../rules/engine';
import { detectPageLanguage } from '../page/page-language';
import { scanDocument } from '../page/scan';

export interface SavedPageScan {
  file: string;
  tables: number;
  columns: Partial<Record<ColumnField, string>>;
  rows: Array<{ row: number; resource: string; product: string; verdict: Verdict; rules: string[]; details: Resource }>;
  summary: Record<Verdict, number>;
  skipped: number;
  diagnostics: Diagnostics;
}

export function scanSavedPage(file: string, html: string): SavedPageScan {
  const window = new Window({
    url: 'https://account-intl.huaweicloud.com/usercenter/',
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  try {
    const document = window.document;
    document.write(html);
    const lang = detectPageLanguage(document as unknown as Document);
    const result = scanDocument(document as unknown as Document, compileCatalog(catalog, { lang }));
    return {
      file,
      tables: result.tables.length,
      columns: result.diagnostics.columns,
      rows: result.rows.map((row) => ({
        row: row.index + 1,
        resource: row.name,
        product: row.product,
        verdict: row.evaluation.verdict,
        rules: row.evaluation.reasons.map((reason) => reason.ruleId),
        details: row.resource,
      })),
      summary: result.counts,
      skipped: result.diagnostics.rowsSkipped,
      diagnostics: result.diagnostics,
    };
  } finally {
    void window.happyDOM.close();
  }
}

function pad(text: string, width: number): string {
  const cut = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return cut.padEnd(width);
}

export function formatScanText(scan: SavedPageScan): string {
  const lines = [`${scan.file}: ${scan.tables} table(s), ${scan.rows.length} row(s), ${scan.skipped} skipped`];
  lines.push(
    `  columns: ${
      Object.entries(scan.columns)
        .map(([field, header]) => `${field}="${header}"`)
        .join(', ') || 'none'
    }`,
  );
  if (scan.diagnostics.missingColumns.length) lines.push(`  missing: ${scan.diagnostics.missingColumns.join(', ')}`);
  if (scan.diagnostics.otherHeaders.length) lines.push(`  other headers: ${scan.diagnostics.otherHeaders.map((text) => `"${text}"`).join(', ')}`);
  for (const row of scan.rows)
    lines.push(
      `  ${String(row.row).padStart(3)}  ${pad(shortVerdictWords.en[row.verdict], 9)} ${pad(row.resource, 28)} ${pad(row.product, 34)} ${row.rules.join(' ')}`,
    );
  // The verdicts by the words the badges and the popup use; --json gives their ids.
  lines.push(`  ${verdicts.map((verdict) => `${verdictWords.en[verdict]} ${scan.summary[verdict]}`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}
