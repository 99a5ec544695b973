// Stands in for WXT's ContentScriptContext in the built content script (wxt.config.ts aliases the
// module to this file). WXT's context stops the script when any script of the page dispatches a
// CustomEvent of a known name, and announces the extension to the page with window.postMessage; the
// content script keeps a lifetime of its own instead (lifetime.ts) and never reads the context WXT
// hands to main(), so the context is inert: no listener, no message, no timer.
export class ContentScriptContext {
  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}
}
