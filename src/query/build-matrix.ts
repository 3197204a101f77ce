import type { Category, Clientele, Service } from '../catalog/model';
import { accessesTo, type Access } from './access';
import { lineageOf, type CatalogIndex } from './catalog-index';

/** A service a clientele reaches: its column in the matrix, and every access that applies, best first (as accessesTo orders them). */
export interface MatrixCell {
  readonly column: number;
  readonly access: readonly Access[];
}

/** One clientele's row of the matrix. */
export interface MatrixRow {
  readonly clientele: Clientele;
  /** The services the clientele reaches, in column order: as many as its grants and its ancestors', whatever the number of columns. */
  readonly reached: readonly MatrixCell[];
  /**
   * For each service (same order as the columns), every access that applies, best first; empty where there is
   * none. Made when first read: clienteles times services cells, which only the dense formats need.
   */
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

/** How many cells the matrix has: a row per clientele, a column per service of the category asked (all of them without one). */
export function matrixCellCount(index: CatalogIndex, category?: string): number {
  const services = category === undefined ? index.catalog.services.length : index.catalog.services.filter((s) => s.category === category).length;
  return services * index.catalog.clienteles.length;
}

/**
 * Builds the clientele-by-service matrix, optionally for one category; a row per clientele, in source order.
 * What each clientele reaches is found from the grants of its line of ancestors, not by trying every service,
 * so that the cost grows with the grants (8,000 clienteles by 8,000 services took a minute and 2.7 GB for 3.9 MB of JSON).
 */
export function buildMatrix(index: CatalogIndex, category?: string): MatrixResult {
  const services = index.catalog.services.filter((s) => category === undefined || s.category === category);
  // The columns each clientele holds a grant of, by clientele id.
  const granted = new Map<string, number[]>();
  services.forEach((s, column) => {
    for (const g of s.grants) {
      const list = granted.get(g.clientele);
      if (list === undefined) granted.set(g.clientele, [column]);
      else list.push(column);
    }
  });
  const rows = index.catalog.clienteles.map((clientele): MatrixRow => {
    const columns = [...new Set(lineageOf(index, clientele).flatMap((c) => granted.get(c.id) ?? []))].sort((a, b) => a - b);
    const reached = columns.map((column): MatrixCell => ({ column, access: accessesTo(index, clientele, services[column]!) }));
    let cells: (readonly Access[])[] | undefined;
    return Object.defineProperty({ clientele, reached }, 'cells', {
      enumerable: true,
      get: () => {
        if (cells === undefined) {
          cells = services.map(() => []);
          for (const cell of reached) cells[cell.column] = cell.access;
        }
        return cells;
      },
    }) as unknown as MatrixRow;
  });
  return { services, rows, category: category ?? null, categories: index.catalog.categories };
}
