// "No network requests": everything the browser fetched must be a console page served by the
// fixture server or a file of the extension itself.
import { expect } from 'vitest';
import { consoleHosts } from './certificate';
import type { RecordedRequest } from './extension-browser';
import type { ServedRequest } from './fixture-server';

interface Recorded {
  extensionId: string;
  readonly requests: readonly RecordedRequest[];
  server: { readonly log: readonly ServedRequest[] };
}

function isAllowed(url: string, extensionId: string): boolean {
  if (url.startsWith(`chrome-extension://${extensionId}/`)) return true;
  // Inline data is not network.
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  const parsed = new URL(url);
  return parsed.protocol === 'https:' && (consoleHosts as readonly string[]).includes(parsed.hostname) && parsed.pathname.startsWith('/usercenter/');
}

/** Requests that went anywhere but the console pages or the extension (pages of chrome:// itself aside). */
export function unexpectedRequests(recorded: Recorded): RecordedRequest[] {
  return recorded.requests.filter((request) => !request.from.startsWith('chrome://') && !isAllowed(request.url, recorded.extensionId));
}

/** What reached the fixture server beyond the pages and the stylesheets and icon they link. */
export function unexpectedServedRequests(recorded: Recorded): ServedRequest[] {
  return recorded.server.log.filter((served) => !/^\/usercenter\/(\?[^#]*)?$|^\/usercenter\/[^?]*\.(css|ico)$/.test(served.path));
}

export function assertOnlyConsoleAndExtensionRequests(recorded: Recorded): void {
  expect(unexpectedRequests(recorded)).toEqual([]);
  expect(unexpectedServedRequests(recorded)).toEqual([]);
}
