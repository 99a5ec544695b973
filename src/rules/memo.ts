import type { Catalog, EngineSettings } from './types';

const noSettings: EngineSettings = {};

/** Caches what is built from a (catalog, settings) pair for as long as both objects live. */
export function memoByCatalogAndSettings<T>(build: (catalog: Catalog, settings: EngineSettings) => T) {
  const cache = new WeakMap<Catalog, WeakMap<EngineSettings, T>>();
  return (catalog: Catalog, settings: EngineSettings = noSettings): T => {
    let bySettings = cache.get(catalog);
    if (!bySettings) cache.set(catalog, (bySettings = new WeakMap()));
    let built = bySettings.get(settings);
    if (built === undefined) bySettings.set(settings, (built = build(catalog, settings)));
    return built;
  };
}
