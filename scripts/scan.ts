// `npm run --silent scan -- [--json] <file.html>...`: the extension's page code over saved pages.
// Exit 0 when every file has a resource table, 3 when one has none (diagnostics on stderr),
// 2 on an unreadable file or bad arguments.
import { readFileSync } from 'node:fs';
import { scanSavedPage, formatScanText, type SavedPageScan } from '../src/cli/scan-saved-page';

const usage = 'usage: npm run --silent scan -- [--json] <file.html>...';

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const unknown = argv.find((arg) => arg.startsWith('-') && arg !== '--json');
  const files = argv.filter((arg) => !arg.startsWith('-'));
  if (unknown) {
    process.stderr.write(`scan: unknown option ${unknown}\n${usage}\n`);
    return 2;
  }
  if (!files.length) {
    process.stderr.write(`scan: no file given\n${usage}\n`);
    return 2;
  }
  const results: SavedPageScan[] = [];
  for (const file of files) {
    let html: string;
    try {
      html = readFileSync(file, 'utf8');
    } catch (error) {
      process.stderr.write(`scan: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      return 2;
    }
    results.push(scanSavedPage(file, html));
  }
  if (json) process.stdout.write(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
  else process.stdout.write(results.map(formatScanText).join('\n'));
  let status = 0;
  for (const result of results) {
    if (result.tables > 0) continue;
    status = 3;
    process.stderr.write(`scan: ${result.file}: no resource table found\n${JSON.stringify(result.diagnostics, null, 2)}\n`);
  }
  return status;
}

process.exitCode = main(process.argv.slice(2));
