import type { Category, Clientele, Service } from '../catalog/model';
import { accessesTo, type Access } from './access';
import type { CatalogIndex } from './catalog-index';

/** One clientele's row of the matrix: for each service (same order as the columns), every access that applies, best first (as accessesTo orders them). */
export interface MatrixRow {
  readonly clientele: Clientele;
  readonly cells: readonly (readonly Access[])[];
}

/** Clienteles against services. */
export interface MatrixResult {
  readonly services: readonly Service[];
  readonly rows: readonly MatrixRow[];
  /** The id of the category the matrix is limited to, or null for every service. */
  readonly category: string | null;
  /** Every category of the catalogue, to name them. */
  readonly categories: readonly Category[];
}

/** Builds the clientele-by-service matrix, optionally for one category; a row per clientele, in source order. */
export function buildMatrix(index: CatalogIndex, category?: string): MatrixResult {
  const services = index.catalog.services.filter((s) => category === undefined || s.category === category);
  const rows = index.catalog.clienteles.map((clientele) => ({ clientele, cells: services.map((s) => accessesTo(index, clientele, s)) }));
  return { services, rows, category: category ?? null, categories: index.catalog.categories };
}
