// One saved response of the BSS API's resource list (ListPayPerUseCustomerResources,
// `{ "data": [...], "total_count": n }`), checked field by field. A problem names the JSON path
// ("data[3].status") so the user can find it in the file; an item with a problem is skipped, the
// others are still audited. Fields the API adds later are ignored.

/** An item as the audit uses it (`OrderInstanceV2` in Huawei's SDKs, the fields the audit reads). */
export interface BssResource {
  resource_id: string;
  resource_name: string;
  service_type_code: string;
  service_type_name: string;
  resource_type_code?: string;
  resource_type_name?: string;
  resource_spec_code?: string;
  region_code?: string;
  /** 1 for a main resource, 0 for a sub-resource bound to `parent_resource_id`. */
  is_main_resource?: number;
  parent_resource_id?: string;
  /** 2 in use, 3 closed, 4 frozen, 5 expired. */
  status: number;
  effective_time?: string;
  expire_time?: string;
  expire_policy?: number;
  customer_id?: string;
}

export interface BssResponse {
  items: BssResource[];
  /** The API's total over all pages, when the file gives it. */
  totalCount?: number;
  /** A partner's file names its customer. */
  customerId?: string;
  /** What was wrong with the items that were skipped. */
  problems: string[];
  /** Items skipped for a problem. */
  skipped: number;
}

export type ParsedResponse = ({ ok: true } & BssResponse) | { ok: false; message: string };

/** Item problems reported per file; the rest are counted. */
const MAX_PROBLEMS = 20;

const stringFields = [
  'resource_type_code',
  'resource_type_name',
  'resource_spec_code',
  'region_code',
  'effective_time',
  'expire_time',
  'customer_id',
] as const;
const timeFields = new Set(['effective_time', 'expire_time']);
// The API writes UTC times as 2019-05-06T08:05:01Z (some SDKs add milliseconds).
const utcTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 39)}…` : value}"`;
  if (typeof value === 'object') return 'an object';
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One item, or the problems that keep it out (paths from `data[index]`). */
export function checkItem(value: unknown, index: number): BssResource | string[] {
  const at = (field: string) => `data[${index}].${field}`;
  if (!isObject(value)) return [`data[${index}]: expected an object, got ${describe(value)}`];
  const problems: string[] = [];
  const text = (field: string, required: boolean): string | undefined => {
    const got = value[field];
    if (got === undefined || got === null) {
      if (required) problems.push(`${at(field)}: required`);
      return undefined;
    }
    if (typeof got !== 'string') {
      problems.push(`${at(field)}: expected text, got ${describe(got)}`);
      return undefined;
    }
    return got;
  };
  const whole = (field: string, required: boolean, allowed?: readonly number[]): number | undefined => {
    const got = value[field];
    if (got === undefined || got === null) {
      if (required) problems.push(`${at(field)}: required`);
      return undefined;
    }
    if (typeof got !== 'number' || !Number.isInteger(got)) {
      problems.push(`${at(field)}: expected a whole number, got ${describe(got)}`);
      return undefined;
    }
    if (allowed && !allowed.includes(got)) {
      problems.push(`${at(field)}: expected ${allowed.join(' or ')}, got ${got}`);
      return undefined;
    }
    return got;
  };

  const resourceId = text('resource_id', true);
  if (resourceId === '') problems.push(`${at('resource_id')}: empty`);
  const item: BssResource = {
    resource_id: resourceId ?? '',
    resource_name: text('resource_name', false) ?? '',
    service_type_code: text('service_type_code', true) ?? '',
    service_type_name: text('service_type_name', false) ?? '',
    status: whole('status', true) ?? 0,
  };
  for (const field of stringFields) {
    const got = text(field, false);
    if (got === undefined) continue;
    if (timeFields.has(field) && got !== '' && !utcTime.test(got)) {
      problems.push(`${at(field)}: expected a UTC time such as 2019-05-06T08:05:01Z, got ${describe(got)}`);
      continue;
    }
    if (got !== '') item[field] = got;
  }
  const main = whole('is_main_resource', false, [0, 1]);
  if (main !== undefined) item.is_main_resource = main;
  const parent = text('parent_resource_id', false);
  if (parent) item.parent_resource_id = parent;
  const policy = whole('expire_policy', false);
  if (policy !== undefined) item.expire_policy = policy;
  return problems.length ? problems : item;
}

/** Parses and checks one file's text. `file` is how messages name it. */
export function parseResponse(text: string, file: string): ParsedResponse {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, message: `${file}: not JSON (${(error as Error).message})` };
  }
  if (!isObject(value)) return { ok: false, message: `${file}: expected an object with "data", got ${describe(value)}` };
  // A saved error ("CBC.0151 访问拒绝", an expired token) is not a list of resources.
  if (typeof value.error_code === 'string' && value.data === undefined)
    return {
      ok: false,
      message:
        `${file}: holds an error response, not a resource list: ${value.error_code} ${typeof value.error_msg === 'string' ? value.error_msg : ''}`.trim(),
    };
  if (!Array.isArray(value.data))
    return {
      ok: false,
      message: `${file}: data: expected the list of resources, got ${value.data === undefined ? `nothing (the file has ${Object.keys(value).slice(0, 5).join(', ') || 'no fields'})` : describe(value.data)}`,
    };
  const totalCount = value.total_count;
  if (totalCount !== undefined && (typeof totalCount !== 'number' || !Number.isInteger(totalCount) || totalCount < 0))
    return { ok: false, message: `${file}: total_count: expected a whole number, got ${describe(totalCount)}` };
  const customerId = value.customer_id;
  if (customerId !== undefined && typeof customerId !== 'string')
    return { ok: false, message: `${file}: customer_id: expected text, got ${describe(customerId)}` };

  const items: BssResource[] = [];
  const problems: string[] = [];
  let skipped = 0;
  value.data.forEach((entry, index) => {
    const checked = checkItem(entry, index);
    if (!Array.isArray(checked)) return void items.push(checked);
    skipped++;
    for (const problem of checked) if (problems.length < MAX_PROBLEMS) problems.push(`${file}: ${problem}`);
  });
  if (skipped && problems.length >= MAX_PROBLEMS) problems.push(`${file}: … ${skipped} item(s) skipped in all`);
  return {
    ok: true,
    items,
    problems,
    skipped,
    ...(totalCount !== undefined ? { totalCount } : {}),
    ...(customerId ? { customerId } : {}),
  };
}
