// The audit of BSS resource lists: every item through the same engine as the badges, grouped by
// customer, each sub-resource under its main resource. Responses are added one file at a time and
// only what is printed is kept, so a directory of pages is never held in memory.
import type { Lang } from '../i18n/languages';
import type { CompiledCatalog } from '../rules/engine';
import { cachedEvaluator } from '../rules/evaluation-cache';
import { noCounts, type Evaluation, type Resource, type Verdict } from '../rules/types';
import { auditWords, billingModeWords, statusWords, type AuditWords } from './audit-words';
import type { BssResource, BssResponse } from './bss-response';

/** Status 3: closed resources are not on the Unsubscriptions page. */
const CLOSED = 3;
const IN_USE = 2;
/** Five-day no-reason unsubscription: within 5x24 h of the resource taking effect. */
const FIVE_DAYS_MS = 5 * 24 * 3600 * 1000;

export type Site = 'cn' | 'intl';

export interface AuditOptions {
  compiled: CompiledCatalog;
  lang: Lang;
  /** The China site has five-day no-reason unsubscription; the international site does not. */
  site: Site;
  /** The time the five-day window is judged at, in ms. */
  now: number;
}

export interface AuditReason {
  rule: string;
  title: string;
  /** The fact it was found in: "status: Frozen", "状态: 已冻结". */
  fact: string;
}

/** One resource: the shape of `scan --json`'s rows, plus what only the API gives. */
export interface AuditRow {
  row: number;
  resource: string;
  product: string;
  verdict: Verdict;
  rules: string[];
  details: Resource;
  resource_id: string;
  customer: string;
  parent_resource_id: string | null;
  file: string;
  reasons: AuditReason[];
  notes: string[];
  /** Closed (status 3): listed, but not counted, since the page does not show it. */
  closed: boolean;
}

export interface AuditCustomer {
  customer: string;
  resources: number;
  /** The API's total_count, when the files give one. */
  totalCount?: number;
}

export interface AuditReport {
  rows: AuditRow[];
  /** Resources by verdict, closed ones apart. */
  summary: Record<Verdict | 'closed', number>;
  customers: AuditCustomer[];
  /** Things worth knowing that are not errors: a customer with pages missing. */
  warnings: string[];
}

interface Entry {
  item: BssResource;
  file: string;
  evaluation: Evaluation;
  resource: Resource;
}

/** The customer a file is about when it does not say: its name without ".json" and a page suffix ("acme-page-2.json" -> "acme"). */
export function customerFromFileName(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  const base = (parts.at(-1) ?? path).replace(/\.json$/i, '');
  const stripped = base.replace(/[-_.\s]*(?:page[-_.\s]*)?\d+$/i, '');
  // "page-2.json" in a folder per customer: the folder names the customer.
  if ((!stripped || /^page$/i.test(stripped)) && parts.length > 1) return customerFromFileName(parts.at(-2)!);
  return stripped || base;
}

function resourceOf(item: BssResource, lang: Lang): Resource {
  const resource: Resource = {
    productType: item.service_type_name || item.service_type_code,
    billingMode: billingModeWords[lang],
    status: statusWords[lang][item.status] ?? `status ${item.status}`,
    serviceTypeCode: item.service_type_code,
  };
  if (item.resource_spec_code) resource.specification = item.resource_spec_code;
  if (item.region_code) resource.region = item.region_code;
  if (item.expire_time) resource.expiry = item.expire_time;
  return resource;
}

/** "2026-12-02 07:30 UTC": times as the API gives them, in UTC, to the minute. */
function utcMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A customer's resources in the order they are listed: each main resource, then what is bound to it, with the notes that say so. */
function inBindingOrder(entries: ReadonlyMap<string, Entry>, words: AuditWords): Array<{ entry: Entry; notes: string[] }> {
  const boundTo = (entry: Entry) => {
    const parent = entry.item.parent_resource_id;
    return entry.item.is_main_resource === 0 && parent && parent !== entry.item.resource_id ? parent : undefined;
  };
  const children = new Map<string, Entry[]>();
  const mains: Entry[] = [];
  for (const entry of entries.values()) {
    const parent = boundTo(entry);
    if (!parent || !entries.has(parent)) mains.push(entry);
    else if (children.has(parent)) children.get(parent)!.push(entry);
    else children.set(parent, [entry]);
  }
  const ordered: Array<{ entry: Entry; notes: string[] }> = [];
  const listed = new Set<Entry>();
  const list = (entry: Entry, notes: string[]) => {
    listed.add(entry);
    ordered.push({ entry, notes });
    // Its own sub-resources follow it (a disk of a VM, an EIP of a shared bandwidth).
    const { resource_name: name, resource_id: id } = entry.item;
    for (const sub of children.get(id) ?? []) if (!listed.has(sub)) list(sub, [words.boundTo(name ? words.named(name, id) : id)]);
  };
  const mainNotes = (entry: Entry) => {
    const count = children.get(entry.item.resource_id)?.length ?? 0;
    const parent = boundTo(entry);
    return [...(count ? [words.bound(count)] : []), ...(parent && !entries.has(parent) ? [words.boundMissing(parent)] : [])];
  };
  for (const main of mains) list(main, mainNotes(main));
  // Sub-resources bound in a circle have no main: listed on their own rather than lost.
  for (const entry of entries.values()) if (!listed.has(entry)) list(entry, mainNotes(entry));
  return ordered;
}

/** Whether five-day no-reason unsubscription may still apply (China site, in use, within 5x24 h, not blocked): until when. */
function fiveDayUntil(entry: Entry, options: AuditOptions): number | undefined {
  const { item, evaluation } = entry;
  if (options.site !== 'cn' || item.status !== IN_USE || evaluation.verdict === 'blocked' || !item.effective_time) return undefined;
  const effective = Date.parse(item.effective_time);
  return effective <= options.now && options.now - effective < FIVE_DAYS_MS ? effective + FIVE_DAYS_MS : undefined;
}

export function createAudit(options: AuditOptions) {
  const evaluate = cachedEvaluator(options.compiled);
  const words = auditWords[options.lang];
  // Customer -> resource id -> the latest reading (a resource seen again, on a later page, replaces it).
  const customers = new Map<string, Map<string, Entry>>();
  const totals = new Map<string, number>();
  const skippedBy = new Map<string, number>();

  return {
    /** Adds one file's items; `file` is how the output names it. */
    add(response: BssResponse, file: string): void {
      const fileCustomer = response.customerId ?? customerFromFileName(file);
      for (const item of response.items) {
        const customer = item.customer_id ?? fileCustomer;
        let entries = customers.get(customer);
        if (!entries) customers.set(customer, (entries = new Map<string, Entry>()));
        const resource = resourceOf(item, options.lang);
        entries.delete(item.resource_id); // re-inserted: a later reading moves to where it was last seen
        entries.set(item.resource_id, { item, file, resource, evaluation: evaluate(resource) });
      }
      skippedBy.set(fileCustomer, (skippedBy.get(fileCustomer) ?? 0) + response.skipped);
      if (response.totalCount !== undefined) totals.set(fileCustomer, Math.max(totals.get(fileCustomer) ?? 0, response.totalCount));
    },

    finish(): AuditReport {
      const rows: AuditRow[] = [];
      const summary: AuditReport['summary'] = { ...noCounts(), closed: 0 };
      const report: AuditReport = { rows, summary, customers: [], warnings: [] };
      for (const [customer, entries] of customers) {
        for (const { entry, notes } of inBindingOrder(entries, words)) {
          const { item, evaluation } = entry;
          const closed = item.status === CLOSED;
          if (closed) notes.unshift(words.closed);
          summary[closed ? 'closed' : evaluation.verdict]++;
          const until = fiveDayUntil(entry, options);
          if (until !== undefined) notes.push(words.fiveDay(utcMinute(until)));
          rows.push({
            row: rows.length + 1,
            resource: item.resource_name || item.resource_id,
            product: entry.resource.productType ?? '',
            verdict: evaluation.verdict,
            rules: evaluation.reasons.map((reason) => reason.ruleId),
            details: entry.resource,
            resource_id: item.resource_id,
            customer,
            parent_resource_id: item.parent_resource_id ?? null,
            file: entry.file,
            reasons: evaluation.reasons.map((reason) => ({
              rule: reason.ruleId,
              title: reason.title,
              fact: `${words.fact[reason.evidence.field]}${words.factSeparator}${reason.evidence.text}`,
            })),
            notes,
            closed,
          });
        }
        const totalCount = totals.get(customer);
        report.customers.push({ customer, resources: entries.size, ...(totalCount !== undefined ? { totalCount } : {}) });
        // Items skipped for a problem were reported already; only resources never seen mean pages are missing.
        if (totalCount !== undefined && totalCount > entries.size + (skippedBy.get(customer) ?? 0))
          report.warnings.push(`${customer}: the API counts ${totalCount} resources, these files hold ${entries.size}: are pages missing?`);
      }
      return report;
    },
  };
}
