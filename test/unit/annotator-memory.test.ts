// After leaving the route nothing of the page stays reachable from the annotator: not the table, not
// its rows, not a table whose cells span rows (whose rows it re-reads together). Checked by dropping
// every other reference, collecting garbage, and asking a WeakRef whether the table is still alive.
import { describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createAnnotator, type Annotator, type Timers } from '../../src/annotator/annotator';
import { englishOptions } from '../support/annotator-options';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const options = englishOptions();

/** A table whose first cell spans two rows: the annotator re-reads such a table as a whole. */
function spanningTable(): HTMLTableElement {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const text of ['Resource Name/ID', 'Product Type', 'Billing Mode', 'Status'])
    head.appendChild(document.createElement('th')).textContent = text;
  const body = table.createTBody();
  const first = body.insertRow();
  const name = first.insertCell();
  name.textContent = 'notify-prod';
  name.rowSpan = 2;
  for (const text of ['Simple Message Notification', 'Yearly/Monthly', 'Normal']) first.insertCell().textContent = text;
  const second = body.insertRow();
  for (const text of ['Elastic Cloud Server', 'Yearly/Monthly', 'Expired']) second.insertCell().textContent = text;
  return table;
}

const frames: Array<() => void> = [];
const timers: Timers = { frame: (callback) => void frames.push(callback), timeout: (callback) => void frames.push(callback) };
const runFrames = async () => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  for (let i = 0; frames.length && i < 100; i++) frames.shift()!();
};

/** Badges a spanning table, then leaves it in the page or takes it out; answers a WeakRef to it. */
async function badgeAndLeave(annotator: Annotator, stop: boolean): Promise<WeakRef<HTMLTableElement>> {
  const table = spanningTable();
  document.body.append(table);
  annotator.start();
  await runFrames();
  // The spanning cell made the annotator read the table as a whole: a change to one row re-reads both.
  table.rows[2]!.cells[2]!.textContent = 'Frozen';
  await runFrames();
  expect(annotator.summary().rows.map((row) => row.verdict)).toEqual(['blocked', 'blocked']);
  if (stop) annotator.stop();
  table.remove();
  return new WeakRef(table);
}

async function collected(ref: WeakRef<object>): Promise<boolean> {
  for (let i = 0; i < 5 && ref.deref(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
  }
  return ref.deref() === undefined;
}

describe('after leaving the route', () => {
  it('keeps nothing of a table with cells spanning rows', async () => {
    const annotator = createAnnotator(document, options, timers);
    const ref = await badgeAndLeave(annotator, true);
    frames.length = 0;
    expect(await collected(ref)).toBe(true);
  });

  it('would notice a table still held (the annotator running, its next frame not come yet)', async () => {
    const annotator = createAnnotator(document, options, timers);
    const ref = await badgeAndLeave(annotator, false);
    expect(await collected(ref)).toBe(false);
    annotator.stop();
    frames.length = 0;
  });
});
