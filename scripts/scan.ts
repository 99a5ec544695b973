// `npm run --silent scan -- [--json] <file.html>...`: the extension's page code over saved pages.
// Exit 0 when every file has a resource table, 3 when one has none (diagnostics on stderr),
// 2 on an unreadable file or bad arguments (the other files are still scanned and printed).
import { resolve } from 'node:path';
import { readSavedPage } from '../src/cli/read-saved-page';
import { scanSavedPage, formatScanText, type SavedPageScan } from '../src/cli/scan-saved-page';

// npm runs scripts from the package's folder; a relative path means the folder it was typed in.
const invokedFrom = process.env.INIT_CWD ?? process.cwd();

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
  let unreadable = false;
  for (const file of files) {
    const read = readSavedPage(resolve(invokedFrom, file), file);
    if (!read.ok) {
      unreadable = true;
      process.stderr.write(`scan: ${read.message}\n`);
      continue;
    }
    results.push(scanSavedPage(file, read.html));
  }
  if (json && results.length) process.stdout.write(`${JSON.stringify(files.length === 1 ? results[0] : results, null, 2)}\n`);
  else process.stdout.write(results.map(formatScanText).join('\n'));
  let status = 0;
  for (const result of results) {
    if (result.tables > 0) continue;
    status = 3;
    process.stderr.write(`scan: ${result.file}: no resource table found\n${JSON.stringify(result.diagnostics, null, 2)}\n`);
  }
  return unreadable ? 2 : status;
}

process.exitCode = main(process.argv.slice(2));
