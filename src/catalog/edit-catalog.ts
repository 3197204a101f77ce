import { isMap, isSeq, parseDocument, stringify, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { formatCatalogText, PARSE_OPTIONS, PRINT_OPTIONS, type FormatResult } from './format-catalog';
import type { Condition, Grant, Tier } from './model';

/** One change to a catalogue's grants or to its record of the last check; check-source --write applies them. */
export type CatalogEdit =
  /** Adds a grant after the first of `after` (clientele ids, nearest first) that the service grants, else first. */
  | { readonly op: 'add-grant'; readonly service: string; readonly grant: Grant; readonly after: readonly string[] }
  | { readonly op: 'remove-grant'; readonly service: string; readonly clientele: string }
  | { readonly op: 'set-tier'; readonly service: string; readonly clientele: string; readonly tier: Tier }
  | { readonly op: 'set-conditions'; readonly service: string; readonly clientele: string; readonly conditions: readonly Condition[] }
  /** `etag` and `lastModified` are the server's validators of a page fetched by its address; absent, any recorded ones are removed (they stood for another reading). */
  | { readonly op: 'record-check'; readonly checked: string; readonly sha256: string; readonly etag?: string; readonly lastModified?: string };

/** An edit that names something the catalogue does not have: a bug of the caller, since edits come from the catalogue itself. */
export class EditError extends Error {}

function serviceMap(doc: Document, id: string): YAMLMap {
  const services = doc.get('services', true);
  const found = isSeq(services) ? services.items.find((s): s is YAMLMap => isMap(s) && s.get('id') === id) : undefined;
  if (found === undefined) throw new EditError(`no service ${id}`);
  return found;
}

function grantsOf(doc: Document, service: string): YAMLSeq {
  const grants = serviceMap(doc, service).get('grants', true);
  if (!isSeq(grants)) throw new EditError(`service ${service} has no list of grants`);
  return grants;
}

function grantIndex(grants: YAMLSeq, clientele: string): number {
  return grants.items.findIndex((g) => isMap(g) && g.get('clientele') === clientele);
}

function grantMap(doc: Document, service: string, clientele: string): YAMLMap {
  const grants = grantsOf(doc, service);
  const found = grants.items[grantIndex(grants, clientele)];
  if (!isMap(found)) throw new EditError(`service ${service} has no grant for ${clientele}`);
  return found;
}

const conditionsNode = (doc: Document, conditions: readonly Condition[]): unknown => doc.createNode(conditions.map((c) => ({ fr: c.fr, en: c.en })));

function apply(doc: Document, edit: CatalogEdit): void {
  switch (edit.op) {
    case 'add-grant': {
      const grants = grantsOf(doc, edit.service);
      const after = edit.after.map((c) => grantIndex(grants, c)).find((i) => i !== -1);
      const node = doc.createNode({ clientele: edit.grant.clientele, tier: edit.grant.tier, conditions: [] });
      (node as YAMLMap).set('conditions', conditionsNode(doc, edit.grant.conditions));
      grants.items.splice(after === undefined ? 0 : after + 1, 0, node);
      return;
    }
    case 'remove-grant': {
      const grants = grantsOf(doc, edit.service);
      const at = grantIndex(grants, edit.clientele);
      if (at === -1) throw new EditError(`service ${edit.service} has no grant for ${edit.clientele}`);
      grants.items.splice(at, 1);
      return;
    }
    case 'set-tier':
      grantMap(doc, edit.service, edit.clientele).set('tier', edit.tier);
      return;
    case 'set-conditions':
      grantMap(doc, edit.service, edit.clientele).set('conditions', conditionsNode(doc, edit.conditions));
      return;
    case 'record-check': {
      const source = doc.get('source', true);
      if (!isMap(source)) throw new EditError('the catalogue has no source');
      source.set('checked', edit.checked);
      source.set('sha256', edit.sha256);
      if (edit.etag === undefined) source.delete('etag');
      else source.set('etag', edit.etag);
      if (edit.lastModified === undefined) source.delete('last_modified');
      else source.set('last_modified', edit.lastModified);
      return;
    }
  }
}

/**
 * Applies edits to a valid catalogue's text through the YAML document (so
 * that comments stay), in order, then writes the result in canonical form
 * (fmt's layout). The edits apply to the canonical form, where every alias is
 * written out as its own copy: a grant behind `*g` can be edited, and an edit
 * of the grants anchored `&g` stays with their service instead of spreading
 * to every service that says `*g`. The result is validated like any
 * catalogue: text that would not be valid is refused, never returned.
 */
export function editCatalogText(text: string, file: string, edits: readonly CatalogEdit[]): FormatResult {
  const canonical = formatCatalogText(text, file);
  if (!canonical.ok) return canonical;
  const doc = parseDocument(canonical.text, PARSE_OPTIONS);
  for (const edit of edits) apply(doc, edit);
  const result = formatCatalogText(doc.toString(PRINT_OPTIONS), file);
  return result.ok ? { ok: true, text: result.text, changed: result.text !== text } : result;
}

/** An entry as the canonical layout writes it under `services:` or `clienteles:` (a list item indented two spaces), to paste into a catalogue. */
export function entryYaml(entry: Readonly<Record<string, unknown>>): string {
  return stringify([entry], { ...PARSE_OPTIONS, ...PRINT_OPTIONS })
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');
}
