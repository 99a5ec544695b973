// Checks what a contender left on the table against what each row shows: the verdict and rule ids
// (data-unsub-lens, data-unsub-lens-rules) and one badge of that verdict exactly where one belongs.
import { FLOOR_MARK_CLASS, type ContenderName } from './contenders';
import { shownSpec } from './tiny-table';

export interface Verification {
  rows: number;
  wrong: number;
  /** The first few disagreements, for the report. */
  samples: string[];
}

const MAX_SAMPLES = 5;

export function verifyTable(body: HTMLTableSectionElement, contender: ContenderName | 'none'): Verification {
  const result: Verification = { rows: 0, wrong: 0, samples: [] };
  const fail = (index: number, message: string) => {
    result.wrong++;
    if (result.samples.length < MAX_SAMPLES) result.samples.push(`row ${index}: ${message}`);
  };
  let index = 0;
  for (const row of body.children) {
    const spec = shownSpec(row);
    if (!spec) continue;
    result.rows++;
    const at = index++;
    if (contender === 'none') continue;
    if (contender === 'floor') {
      const marks = row.querySelectorAll(`.${FLOOR_MARK_CLASS}`).length;
      if (marks !== 1) fail(at, `${marks} floor marks`);
      continue;
    }
    const { verdict, rules, product, tag } = spec.kind;
    const shown = `${product}${tag ? ` [${tag}]` : ''} / ${spec.kind.billing} / ${spec.kind.status} / ${spec.kind.action}`;
    const gotVerdict = row.getAttribute('data-unsub-lens');
    const gotRules = row.getAttribute('data-unsub-lens-rules');
    if (gotVerdict !== verdict || gotRules !== rules) {
      fail(at, `${shown}: expected ${verdict} "${rules}", found ${gotVerdict} "${gotRules}"`);
      continue;
    }
    const badges = [...row.querySelectorAll('.unsub-lens-badge')];
    const productCell = row.children[3];
    if (verdict === 'allowed') {
      if (badges.length) fail(at, `${shown}: allowed row carries ${badges.length} badge(s)`);
    } else if (badges.length !== 1 || badges[0]!.parentElement !== productCell || badges[0]!.getAttribute('data-verdict') !== verdict) {
      fail(
        at,
        `${shown}: expected one ${verdict} badge in the product cell, found ${badges.map((b) => b.getAttribute('data-verdict')).join(',') || 'none'}`,
      );
    }
  }
  return result;
}
