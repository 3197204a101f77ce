import type { Category, Clientele, Condition, Service } from '../catalog/model';
import { findServices, findWho, type AccessRow, type ServicesResult, type WhoResult } from './access';
import { descendantsOf, type CatalogIndex } from './catalog-index';
import type { Entity } from './resolve-name';

/** Everything about one service, one clientele or one category. */
export type ShowResult =
  | {
      readonly kind: 'service';
      readonly service: Service;
      readonly category: Category | null;
      /** The page's own list: the clienteles it names, as `who` answers. */
      readonly who: WhoResult;
      /** The clienteles the page does not list but that inherit one of the listed grants (specialisations), one row each. */
      readonly heirs: readonly AccessRow[];
    }
  | {
      readonly kind: 'clientele';
      readonly clientele: Clientele;
      readonly parent: Clientele | null;
      readonly children: readonly Clientele[];
      readonly descendants: readonly Clientele[];
      readonly services: ServicesResult;
    }
  | { readonly kind: 'category'; readonly category: Category; readonly services: readonly Service[] };

/** Gathers everything the catalogue says about one resolved entity (a clientele keeps the grant condition its name carried). */
export function showEntity(index: CatalogIndex, found: Entity, condition: Condition | null = null): ShowResult {
  switch (found.kind) {
    case 'service': {
      const who = findWho(index, found.entity);
      const listed = new Set(who.access.map((a) => a.clientele));
      return {
        kind: 'service',
        service: found.entity,
        category: index.categoryById.get(found.entity.category) ?? null,
        who,
        heirs: findWho(index, found.entity, { expand: true }).access.filter((a) => !listed.has(a.clientele)),
      };
    }
    case 'clientele': {
      const c = found.entity;
      return {
        kind: 'clientele',
        clientele: c,
        parent: c.parent === null ? null : (index.clienteleById.get(c.parent) ?? null),
        children: index.childrenOf.get(c.id) ?? [],
        descendants: descendantsOf(index, c),
        services: { ...findServices(index, c), named_condition: condition },
      };
    }
    case 'category':
      return { kind: 'category', category: found.entity, services: index.catalog.services.filter((s) => s.category === found.entity.id) };
  }
}
