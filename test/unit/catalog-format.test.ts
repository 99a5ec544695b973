// @vitest-environment node
// The rule catalog is linted like code, as the rule databases of Dark Reader and webappanalyzer are:
// no key written twice, rules in a fixed order, the keys of every entry in the schema's order, and the
// file exactly as the printer writes it, so a diff shows a change to the rules and nothing else.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleGroups, type Catalog } from '../../src/rules/types';
import { productNameSchema, ruleSchema } from '../../src/rules/catalog-schema';
import { duplicateKeys } from '../support/json-duplicate-keys';

const path = resolve(__dirname, '../../src/rules/catalog.json');
const text = readFileSync(path, 'utf8');
const catalog = JSON.parse(text) as Catalog;

/** How the catalog is printed: `JSON.stringify(catalog, null, 2)` and a final newline. */
const print = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Keys of `object` that come out of the order of `order` (keys not in it are the schema's business). */
function outOfOrder(object: object, order: readonly string[]): string[] {
  const keys = Object.keys(object).filter((key) => order.includes(key));
  const sorted = [...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return keys.join() === sorted.join() ? [] : [keys.join(', ')];
}

describe('the catalog file', () => {
  it('writes no key twice in one object', () => {
    expect(duplicateKeys(text)).toEqual([]);
  });

  it('would see a key written twice', () => {
    expect(duplicateKeys('{"rules": [{"id": "a", "title": {"en": "A", "en": "B"}}], "edition": "x", "edition": "y"}')).toEqual([
      'rules[0].title.en',
      'edition',
    ]);
  });

  it('is exactly what parsing and printing it again gives, byte for byte', () => {
    expect(text).toBe(print(JSON.parse(text)));
  });

  it('lists the rules by group, in the order of the source document', () => {
    const groups = catalog.rules.map((rule) => rule.group);
    const ranks = groups.map((group) => ruleGroups.indexOf(group));
    expect(
      ranks.every((rank, i) => rank >= 0 && (i === 0 || rank >= ranks[i - 1]!)),
      groups.join(' '),
    ).toBe(true);
  });

  it('lists Table 1 in the order of the table, and every other group in the order of its section', () => {
    // The order is the document's, not the alphabet's: pinned here so a move is a deliberate change.
    const service = catalog.rules.filter((rule) => rule.group === 'service').map((rule) => rule.id.replace('service/', ''));
    expect(service.slice(0, 3)).toEqual(['dedicated-cloud', 'direct-connect', 'data-ingestion-service']);
    expect(service.at(-1)).toBe('dedicated-cloud-storage');
  });

  it('keeps the keys of every rule, name and source in the schema order', () => {
    const ruleKeys = Object.keys(ruleSchema.shape);
    const nameKeys = Object.keys(productNameSchema.shape);
    const misordered = catalog.rules.flatMap((rule) => [
      ...outOfOrder(rule, ruleKeys).map((keys) => `${rule.id}: ${keys}`),
      ...outOfOrder(rule.source, ['url', 'section', 'edition']).map((keys) => `${rule.id}.source: ${keys}`),
      ...[...(rule.names ?? []), ...(rule.match?.exceptProducts ?? [])].flatMap((name) =>
        outOfOrder(name, nameKeys).map((keys) => `${rule.id} "${name.text}": ${keys}`),
      ),
    ]);
    expect(misordered).toEqual([]);
  });
});
