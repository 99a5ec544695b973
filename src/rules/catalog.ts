// The bundled catalog. The JSON is checked by catalog-schema.ts in the tests and before every build.
import data from './catalog.json';
import type { Catalog } from './types';

export const catalog = data as Catalog;
