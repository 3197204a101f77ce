import { isCatalogText } from '../catalog/catalog-text';
import type { CatalogEdit } from '../catalog/edit-catalog';
import type { Clientele, Condition, Service, Tier } from '../catalog/model';
import { normalizeName } from '../catalog/normalize-name';
import { readPageLists, type AccessList, type ListedItem, type PageLists, type SourcePage } from '../page/source-page';
import type { CatalogIndex } from './catalog-index';
import { MAX_NAME_LENGTH, resolveName, type Suggestion } from './resolve-name';

/**
 * What differs between the page and the catalogue, one kind per way they can
 * disagree. The first four are about one grant and `--write` applies them; the
 * others need a person: an entry to write, or a page that says something the
 * catalogue cannot hold.
 */
export type FindingKind =
  /** The page lists a clientele under a service; the catalogue has no such grant. */
  | 'grant-not-in-catalogue'
  /** The catalogue has a grant that the service's lists on the page no longer give. */
  | 'grant-not-on-page'
  /** The page lists the grant under the other tier (creation, request, or a plain list). */
  | 'tier-differs'
  /** The page states a condition in the item that the grant does not have. */
  | 'condition-differs'
  /** A "Qui a accès" heading names no service of the catalogue. */
  | 'new-service'
  /** A list item names no clientele of the catalogue. */
  | 'new-clientele'
  /** A service with grants has no "Qui a accès" list on the page. */
  | 'service-not-on-page'
  /** The page lists one clientele twice for one service; a catalogue holds one grant per pair. */
  | 'repeated-item'
  /** List items that name clienteles stand in no "Qui a accès" list (under a sub-heading the page renamed, say): which grants they are cannot be told. */
  | 'stray-items'
  /** A list item holds text the page hides by styling: a browser does not show it, so its clientele's grant is left as it is, for a person to read. */
  | 'hidden-on-page';

/** Every finding kind, in the order reports explain them. */
export const FINDING_KINDS = Object.freeze([
  'grant-not-in-catalogue',
  'grant-not-on-page',
  'tier-differs',
  'condition-differs',
  'new-service',
  'new-clientele',
  'service-not-on-page',
  'repeated-item',
  'stray-items',
  'hidden-on-page',
] as const) satisfies readonly FindingKind[];

/** How many unknown names (headings and items) get ranked near names and an entry stub; the others are counted (SourceCheck.unranked), so that a page of thousands costs no more than a few. */
export const MAX_RANKED_NAMES = 20;

/** The share of the grants of the services a page lists that `--write` removes at most at once, unless forced (see brokenReading). */
export const MAX_REMOVED_SHARE = 0.25;

/** A catalogue entry a finding is about: its id and official name. */
export interface NamedEntry {
  readonly id: string;
  readonly name: string;
}

/** One difference between the page and the catalogue, with where each side says it. */
export interface SourceFinding {
  readonly kind: FindingKind;
  /**
   * The page's line: the item's (or the heading's, for a grant the lists no
   * longer give); for a service the page no longer lists, the heading of its
   * category, or null when the page has none.
   */
  readonly pageLine: number | null;
  /**
   * The catalogue's line: the grant's, the service's; for a grant to add or a
   * new clientele, the service's `grants:`; for a new service, the entry it
   * follows on the page (or `services:`).
   */
  readonly catalogLine: number | null;
  readonly service: NamedEntry | null;
  readonly clientele: NamedEntry | null;
  /** The "Qui a accès" heading on the page. */
  readonly heading: string | null;
  /** The list item on the page, as written. */
  readonly item: string | null;
  readonly pageTier: Tier | null;
  readonly catalogTier: Tier | null;
  /** The condition the item states (its parenthesis, or "membre d'un GMF"). */
  readonly pageCondition: string | null;
  readonly catalogConditions: readonly Condition[];
  /** Near names, for a heading or a label the catalogue does not know; for stray items, the clienteles they name. */
  readonly suggestions: readonly Suggestion[];
  /** What `--write` changes for it; null when a person has to. */
  readonly edit: CatalogEdit | null;
}

/** A catalogue entry to write for a new service or clientele: the facts the page gives, blanks for the rest. */
export interface EntryStub {
  readonly entry: 'service' | 'clientele';
  /** The name as the page gives it. */
  readonly name: string;
  /** The entry's fields in canonical order; blanks ("") fail validation until someone fills them in. */
  readonly fields: Readonly<Record<string, unknown>>;
}

/** The outcome of comparing the page's "Qui a accès" lists with the catalogue. */
export interface SourceCheck {
  /** "Qui a accès" lists on the page. */
  readonly lists: number;
  /** Items in those lists. */
  readonly items: number;
  /** Items that are exactly one grant of the catalogue, with its tier and condition. */
  readonly matched: number;
  /** Ordered by page line, then catalogue line. */
  readonly findings: readonly SourceFinding[];
  readonly stubs: readonly EntryStub[];
  /** "Qui a accès" lists with a heading and no item at all: a reading that looks broken (a collapsed panel, a half-saved page). */
  readonly emptyLists: readonly { readonly heading: string; readonly line: number }[];
  /** The grants the catalogue gives for the services the page has a list for. */
  readonly listedGrants: number;
  /** Unknown headings and items past the first MAX_RANKED_NAMES, reported without near names or a stub. */
  readonly unranked: number;
}

/** Where things are in the catalogue's text: the 1-based line of the node at a path of keys and indexes (of its key with 'key'). */
export type CatalogLines = (path: readonly (string | number)[], at?: 'key' | 'value') => number | null;

/** How a list item reads: one clientele of the catalogue, with the condition the item states (known or not), or no clientele. */
type ItemReading =
  | { readonly ok: true; readonly clientele: Clientele; readonly condition: Condition | null; readonly conditionText: string | null }
  /** `ranked`: the unknown label was given near names and gets a stub (the first MAX_RANKED_NAMES of a check). */
  | { readonly ok: false; readonly suggestions: readonly Suggestion[]; readonly ranked: boolean };

// The key of conditionStarts' set of every clientele's first words (no id has a space).
const ANY = ' any';

/** The condition texts each clientele has in some grant, by their first word: a label's suffix starting like one of them is a condition. */
function conditionStarts(index: CatalogIndex): Map<string, Set<string>> {
  const starts = new Map<string, Set<string>>();
  const add = (key: string, word: string): void => {
    const set = starts.get(key) ?? new Set<string>();
    set.add(word);
    starts.set(key, set);
  };
  for (const s of index.catalog.services) {
    for (const g of s.grants) {
      for (const c of g.conditions) {
        const first = normalizeName(c.fr).split(' ')[0] ?? '';
        add(g.clientele, first);
        add(ANY, first);
      }
    }
  }
  return starts;
}

/**
 * Reads a list item. A label the catalogue resolves exactly (with one of the
 * clientele's own conditions) is that clientele. Else the item may state a
 * condition the catalogue does not know yet: a parenthesis after a clientele's
 * name, or words after it that start as one of that clientele's conditions
 * do ("membre d'un GMF"). Anything else is a clientele the catalogue lacks:
 * nothing is guessed.
 */
function readItem(index: CatalogIndex, text: string, starts: ReadonlyMap<string, ReadonlySet<string>>, rank: () => boolean): ItemReading {
  const whole = resolveName(index, text, ['clientele'], { suggestions: false, exact: true });
  if (whole.ok && whole.found.kind === 'clientele') {
    return { ok: true, clientele: whole.found.entity, condition: whole.condition, conditionText: whole.condition?.fr ?? null };
  }
  // No name is longer than MAX_NAME_LENGTH: a longer item can still be a name and a condition, never a name alone.
  const paren = text.endsWith(')') ? /^(.*\S)\s*\(([^()]+)\)$/.exec(text) : null;
  if (paren) {
    const base = resolveName(index, paren[1]!, ['clientele'], { suggestions: false, exact: true });
    if (base.ok && base.found.kind === 'clientele') return { ok: true, clientele: base.found.entity, condition: null, conditionText: paren[2]!.trim() };
  }
  // The name is a prefix of at most MAX_NAME_LENGTH characters: only the words that start within it are tried, each
  // prefix built once by slicing (re-joining every prefix of a 40,000-word item was quadratic).
  const anyStart = starts.get(ANY) ?? new Set<string>();
  const words: { start: number; word: string }[] = [];
  for (let at = 0; at <= MAX_NAME_LENGTH + 1 && at < text.length;) {
    const space = text.indexOf(' ', at);
    const end = space === -1 ? text.length : space;
    words.push({ start: at, word: text.slice(at, end) });
    at = end + 1;
  }
  for (let k = words.length - 1; k > 0; k--) {
    const { start, word } = words[k]!;
    // Only where a condition could start: resolving every prefix of a long line would be slow for nothing.
    if (start - 1 > MAX_NAME_LENGTH || !anyStart.has(normalizeName(word))) continue;
    const base = resolveName(index, text.slice(0, start - 1), ['clientele'], { suggestions: false, exact: true });
    if (!base.ok || base.found.kind !== 'clientele') continue;
    if (starts.get(base.found.entity.id)?.has(normalizeName(word).split(' ')[0] ?? '') === true) {
      return { ok: true, clientele: base.found.entity, condition: null, conditionText: text.slice(start) };
    }
  }
  const ranked = rank();
  if (whole.ok || !ranked) return { ok: false, suggestions: [], ranked };
  const near = resolveName(index, text, ['clientele'], { exact: true });
  return { ok: false, suggestions: near.ok ? [] : near.suggestions.slice(0, 3), ranked };
}

const QUESTION = /^qui a accès\s+(?:au service en ligne\s+|aux services en ligne\s+|au service\s+|à la\s+|à l['’]\s*|aux\s+|au\s+|à\s+)?(.*?)[\s?]*$/iu;

/** The service name a heading gives: "Qui a accès au service en ligne PREM?" gives "PREM". */
function nameOfHeading(heading: string): string {
  const name = QUESTION.exec(heading)?.[1] ?? heading;
  return name === '' ? heading : name;
}

/** A kebab-case id for a name, different from every id in use. */
function newId(name: string, taken: ReadonlySet<string>): string {
  const base =
    normalizeName(name)
      .replace(/'/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'entree';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

const named = (e: { readonly id: string; readonly name: string }): NamedEntry => ({ id: e.id, name: e.name });

/** A finding with nothing said yet beyond its kind and lines. */
function finding(
  kind: FindingKind,
  pageLine: number | null,
  catalogLine: number | null,
  rest: Partial<Omit<SourceFinding, 'kind' | 'pageLine' | 'catalogLine'>>,
): SourceFinding {
  return {
    kind,
    pageLine,
    catalogLine,
    service: null,
    clientele: null,
    heading: null,
    item: null,
    pageTier: null,
    catalogTier: null,
    pageCondition: null,
    catalogConditions: [],
    suggestions: [],
    edit: null,
    ...rest,
  };
}

/**
 * Compares the page's "Qui a accès" lists with the catalogue, both ways:
 * every list item must be exactly one grant of the right service, tier and
 * condition, and every grant must be listed once. `lines` tells where each
 * finding stands in the catalogue's text; `read` is the page's lists, when the caller has read them already.
 */
export function checkSource(index: CatalogIndex, page: SourcePage, lines: CatalogLines, read: PageLists = readPageLists(page)): SourceCheck {
  const catalog = index.catalog;
  const { lists, stray } = read;
  const starts = conditionStarts(index);
  const serviceAt = new Map(catalog.services.map((s, i) => [s.id, i]));
  const findings: SourceFinding[] = [];
  const stubs: EntryStub[] = [];
  const takenIds = new Set([...catalog.services.map((s) => s.id), ...catalog.clienteles.map((c) => c.id), ...catalog.categories.map((c) => c.id)]);
  // Where each catalogue category's heading stands on the page, and the category each page line stands under.
  const categoryByKey = new Map(catalog.categories.map((c) => [normalizeName(c.name), c.id]));
  const categoryLine = new Map<string, number>();
  for (const line of page.lines) {
    const id = line.item ? undefined : categoryByKey.get(normalizeName(line.text));
    if (id !== undefined && !categoryLine.has(id)) categoryLine.set(id, line.line);
  }
  // The category heading above each line, found in one pass (a page of thousands of headings asks for each).
  const categoryMarks: { line: number; id: string }[] = [];
  for (const line of page.lines) {
    const id = line.item ? undefined : categoryByKey.get(normalizeName(line.text));
    if (id !== undefined) categoryMarks.push({ line: line.line, id });
  }
  const categoryAbove = (pageLine: number): string => categoryMarks[lastAtOrBefore(categoryMarks, pageLine)]?.id ?? '';
  // Unknown names get ranked near names while few have; the rest are counted.
  let rankedNames = 0;
  let unranked = 0;
  /** Whether the next unknown name gets ranked near names and a stub; past MAX_RANKED_NAMES it is only counted. */
  const rankUnknown = (): boolean => {
    if (rankedNames < MAX_RANKED_NAMES) {
      rankedNames++;
      return true;
    }
    unranked++;
    return false;
  };
  const unrankedName = (): boolean => false;
  const conditionFor = knownConditions(index);
  const clienteleStubs = new Map<string, EntryStub>();
  const addClienteleStub = (label: string): void => {
    const key = normalizeName(label);
    if (clienteleStubs.has(key)) return;
    const id = newId(label, takenIds);
    takenIds.add(id);
    const stub: EntryStub = {
      entry: 'clientele',
      name: label,
      fields: { id, name: label, name_en: '', kind: '', parent: null, forms: [], aliases: [], terms_en: [], abbreviations: [] },
    };
    clienteleStubs.set(key, stub);
    stubs.push(stub);
  };

  // Each service's items on the page (a service may have two lists), and the line of its first heading.
  const listed = new Map<string, { line: number; byClientele: Map<string, ListedItem>; hidden: Set<string> }>();
  const emptyLists: { heading: string; line: number }[] = [];
  let previousService: number | null = null;
  let items = 0;
  let matched = 0;
  const readList = (list: AccessList, service: Service | null, anchor: number | null): void => {
    const si = service === null ? -1 : serviceAt.get(service.id)!;
    const seen =
      service === null ? null : (listed.get(service.id) ?? { line: list.line, byClientele: new Map<string, ListedItem>(), hidden: new Set<string>() });
    if (service !== null && seen !== null) listed.set(service.id, seen);
    if (list.items.length === 0) emptyLists.push({ heading: list.heading, line: list.line });
    const before: string[] = [];
    for (const item of list.items) {
      items++;
      if (item.hidden) {
        // Not on the page (a browser does not show it) and not missing from it either: its grant is a person's to settle.
        const reading = readItem(index, item.text, starts, unrankedName);
        const clientele = reading.ok ? reading.clientele : null;
        const gi = service === null || clientele === null ? -1 : service.grants.findIndex((g) => g.clientele === clientele.id);
        if (clientele !== null) seen?.hidden.add(clientele.id);
        findings.push(
          finding(
            'hidden-on-page',
            item.line,
            service === null ? anchor : lines(gi === -1 ? ['services', si, 'grants'] : ['services', si, 'grants', gi], gi === -1 ? 'key' : 'value'),
            {
              service: service === null ? null : named(service),
              clientele: clientele === null ? null : named(clientele),
              heading: list.heading,
              item: item.text,
              pageTier: item.tier,
              pageCondition: reading.ok ? reading.conditionText : null,
              catalogTier: gi === -1 ? null : (service?.grants[gi]?.tier ?? null),
              catalogConditions: gi === -1 ? [] : (service?.grants[gi]?.conditions ?? []),
            },
          ),
        );
        continue;
      }
      const reading = readItem(index, item.text, starts, rankUnknown);
      if (!reading.ok) {
        findings.push(
          finding('new-clientele', item.line, service === null ? anchor : lines(['services', si, 'grants'], 'key'), {
            service: service === null ? null : named(service),
            heading: list.heading,
            item: item.text,
            pageTier: item.tier,
            suggestions: reading.suggestions,
          }),
        );
        if (reading.ranked) addClienteleStub(item.text);
        continue;
      }
      if (service === null || seen === null) continue;
      const clientele = reading.clientele;
      const common = {
        service: named(service),
        clientele: named(clientele),
        heading: list.heading,
        item: item.text,
        pageTier: item.tier,
        pageCondition: reading.conditionText,
      };
      const earlier = seen.byClientele.get(clientele.id);
      const gi = service.grants.findIndex((g) => g.clientele === clientele.id);
      const grant = service.grants[gi];
      if (earlier !== undefined) {
        findings.push(
          finding('repeated-item', item.line, gi === -1 ? lines(['services', si, 'grants'], 'key') : lines(['services', si, 'grants', gi]), {
            ...common,
            catalogTier: grant?.tier ?? null,
          }),
        );
        continue;
      }
      seen.byClientele.set(clientele.id, item);
      const after = [...before].reverse();
      before.push(clientele.id);
      if (grant === undefined) {
        const stated = reading.condition ?? (reading.conditionText === null ? null : conditionFor(reading.conditionText));
        findings.push(
          finding('grant-not-in-catalogue', item.line, lines(['services', si, 'grants'], 'key'), {
            ...common,
            // A condition the catalogue could not hold (a control character, a bidi override, too long) is a person's to write.
            edit:
              stated === undefined
                ? null
                : {
                    op: 'add-grant',
                    service: service.id,
                    grant: { clientele: clientele.id, tier: item.tier, conditions: stated === null ? [] : [stated] },
                    after,
                  },
          }),
        );
        continue;
      }
      // The grant's line only when there is something to say about it: finding it parses the catalogue's YAML.
      const at = (): number | null => lines(['services', si, 'grants', gi]);
      const onGrant = { ...common, catalogTier: grant.tier, catalogConditions: grant.conditions };
      let agrees = true;
      if (grant.tier !== item.tier) {
        findings.push(
          finding('tier-differs', item.line, at(), { ...onGrant, edit: { op: 'set-tier', service: service.id, clientele: clientele.id, tier: item.tier } }),
        );
        agrees = false;
      }
      const stated = reading.conditionText;
      if (stated !== null && !grant.conditions.some((c) => normalizeName(c.fr) === normalizeName(stated))) {
        // A grant's one condition is the one its item stated; with several, which one the page changed cannot be told.
        const condition = reading.condition ?? conditionFor(stated);
        const edit: CatalogEdit | null =
          grant.conditions.length <= 1 && condition !== undefined
            ? { op: 'set-conditions', service: service.id, clientele: clientele.id, conditions: [condition] }
            : null;
        findings.push(finding('condition-differs', item.line, at(), { ...onGrant, edit }));
        agrees = false;
      }
      if (agrees) matched++;
    }
  };

  // The service of each list, by the list's line, for what follows it.
  const serviceOfList = new Map<number, number>();
  for (const list of lists) {
    const r = resolveName(index, list.heading, ['service'], { suggestions: false, exact: true });
    if (r.ok && r.found.kind === 'service') {
      previousService = serviceAt.get(r.found.entity.id) ?? null;
      if (previousService !== null) serviceOfList.set(list.line, previousService);
      readList(list, r.found.entity, null);
      continue;
    }
    const anchor = previousService === null ? lines(['services'], 'key') : lines(['services', previousService]);
    const name = nameOfHeading(list.heading);
    // Near names of the name the heading gives ("Qui a accès au service en ligne" would bring every service with those words).
    const ranked = rankUnknown();
    const near = resolveName(index, name, ['service'], { suggestions: ranked, exact: true });
    findings.push(finding('new-service', list.line, anchor, { heading: list.heading, suggestions: near.ok ? [] : near.suggestions.slice(0, 3) }));
    if (ranked) stubs.push(serviceStub(name, categoryAbove(list.line)));
    readList(list, null, anchor);
  }
  /** A stub for a new service: the name the heading gives, the category it stands under, blanks for the rest. */
  function serviceStub(name: string, category: string): EntryStub {
    const id = newId(name, takenIds);
    takenIds.add(id);
    return {
      entry: 'service',
      name,
      fields: {
        id,
        name,
        name_en: '',
        abbreviation: null,
        category,
        aliases: [],
        description: { fr: '', en: '' },
        grants: [],
        notes: [],
        sub_applications: [],
      },
    };
  }

  // Items that name clienteles outside every list: the page says something about access that cannot be read as grants.
  for (const run of stray) {
    const names = run.items.map((item) => readItem(index, item.text, starts, unrankedName)).flatMap((r) => (r.ok ? [r.clientele] : []));
    if (names.length === 0) continue;
    const first = run.lead?.line ?? run.items[0]!.line;
    const listBefore = lists[lastAtOrBefore(lists, first - 1)];
    const si = listBefore === undefined ? undefined : serviceOfList.get(listBefore.line);
    findings.push(
      finding('stray-items', first, si === undefined ? lines(['services'], 'key') : lines(['services', si]), {
        service: si === undefined ? null : named(catalog.services[si]!),
        heading: run.lead?.text ?? null,
        item: run.items[0]!.text,
        suggestions: names.slice(0, 3).map((c) => ({ kind: 'clientele' as const, id: c.id, name: c.name, name_en: c.name_en })),
      }),
    );
  }

  let listedGrants = 0;
  catalog.services.forEach((service, si) => {
    if (service.grants.length === 0) return;
    const seen = listed.get(service.id);
    if (seen === undefined) {
      findings.push(finding('service-not-on-page', categoryLine.get(service.category) ?? null, lines(['services', si]), { service: named(service) }));
      return;
    }
    listedGrants += service.grants.length;
    service.grants.forEach((grant, gi) => {
      if (seen.byClientele.has(grant.clientele) || seen.hidden.has(grant.clientele)) return;
      const clientele = index.clienteleById.get(grant.clientele);
      findings.push(
        finding('grant-not-on-page', seen.line, lines(['services', si, 'grants', gi]), {
          service: named(service),
          clientele: clientele === undefined ? { id: grant.clientele, name: grant.clientele } : named(clientele),
          catalogTier: grant.tier,
          catalogConditions: grant.conditions,
          edit: { op: 'remove-grant', service: service.id, clientele: grant.clientele },
        }),
      );
    });
  });

  const order = (n: number | null): number => n ?? Number.MAX_SAFE_INTEGER;
  findings.sort((a, b) => order(a.pageLine) - order(b.pageLine) || order(a.catalogLine) - order(b.catalogLine));
  return { lists: lists.length, items, matched, findings, stubs, emptyLists, listedGrants, unranked };
}

/** The index of the last entry (in order of line) at or before a line, or -1. */
function lastAtOrBefore(entries: readonly { readonly line: number }[], line: number): number {
  let lo = 0;
  let hi = entries.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.line <= line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The condition to write for a text the page states: the catalogue's own, in
 * both languages, when some grant already has it (by its French, as names
 * compare); else a new one whose English is the French until someone
 * translates it; undefined when the text is not one the catalogue can hold.
 */
function knownConditions(index: CatalogIndex): (text: string) => Condition | undefined {
  const known = new Map<string, Condition>();
  for (const s of index.catalog.services) {
    for (const g of s.grants) for (const c of g.conditions) if (!known.has(normalizeName(c.fr))) known.set(normalizeName(c.fr), c);
  }
  return (text) => known.get(normalizeName(text)) ?? (isCatalogText(text) ? { fr: text, en: text } : undefined);
}

/** Whether a finding needs a person: an entry to write or remove (a new service or clientele, a service the page no longer lists), or items no list holds. */
export function needsEntry(f: SourceFinding): boolean {
  return f.kind === 'new-service' || f.kind === 'new-clientele' || f.kind === 'service-not-on-page' || f.kind === 'stray-items';
}

/**
 * The findings `--write` applies now: every grant-level one, unless some
 * finding needs an entry. Then none: a grant the page seems to drop may be a
 * clientele it renamed, and removing it would be wrong until the entry is settled.
 */
export function writableFindings(check: SourceCheck): SourceFinding[] {
  if (check.findings.some(needsEntry)) return [];
  return check.findings.filter((f) => f.edit !== null);
}

/** Why `--write` takes the page for a broken reading and writes nothing (unless forced): what looked wrong. */
export type BrokenReading =
  | { readonly kind: 'empty-lists'; readonly lists: readonly { readonly heading: string; readonly line: number }[] }
  | { readonly kind: 'too-many-removals'; readonly removed: number; readonly grants: number };

/**
 * Whether the reading of the page looks broken rather than news: a "Qui a
 * accès" list that reads empty (a collapsed panel, a half-saved page), or
 * edits that would remove more than MAX_REMOVED_SHARE of the grants of the
 * services the page lists. A page rarely drops so much at once; a reader
 * that lost most of it does.
 */
export function brokenReading(check: SourceCheck): BrokenReading | null {
  if (check.emptyLists.length > 0) return { kind: 'empty-lists', lists: check.emptyLists };
  const removed = writableFindings(check).filter((f) => f.edit?.op === 'remove-grant').length;
  if (removed > check.listedGrants * MAX_REMOVED_SHARE) return { kind: 'too-many-removals', removed, grants: check.listedGrants };
  return null;
}

/** Whether a validator the server sent can be recorded in the catalogue (the schema's `etag` and `last_modified`: printable ASCII, one line, at most `max` characters). */
export function isRecordable(value: string | null, max: number): value is string {
  return value !== null && value.length <= max && /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(value);
}

/** The longest `etag` and `last_modified` the schema takes. */
const MAX_RECORDED_ETAG = 500;
const MAX_RECORDED_LAST_MODIFIED = 100;

/** The check `--write` records once the catalogue agrees with the page: the day, the page's checksum, and a fetched page's validators (null for a file). */
export interface CheckRecord {
  readonly checked: string;
  readonly sha256: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
}

/** What `--write` does with a check, decided before anything is read or written: the write policy, beside the comparison it acts on. */
export type WritePlan =
  /** The reading looks broken (see brokenReading): nothing is written unless forced. */
  | { readonly kind: 'refused'; readonly broken: BrokenReading }
  /** A finding needs an entry (see needsEntry): every change waits for a person. */
  | { readonly kind: 'needs-entry' }
  /** Nothing to change: the catalogue agrees, and this check is recorded already. */
  | { readonly kind: 'up-to-date' }
  /** Nothing `--write` may change, and `left` findings for a person. */
  | { readonly kind: 'left-over'; readonly left: number }
  | {
      readonly kind: 'write';
      /** The grant edits, then the check's record when the catalogue will agree with the page. */
      readonly edits: readonly CatalogEdit[];
      readonly applied: number;
      readonly recordsCheck: boolean;
      /** Findings for a person, left as they are. */
      readonly left: number;
      /** Grants written with a condition in French only (the page has no English): someone should translate it. */
      readonly untranslated: readonly { readonly service: string; readonly clientele: string }[];
    };

/**
 * The write policy: a broken reading is refused (unless `force`); a finding
 * that needs an entry stops every change; otherwise the grant-level findings
 * are applied and, when none is left, the check is recorded (unless the
 * catalogue records this very check already).
 */
export function planWrite(
  check: SourceCheck,
  recorded: { readonly checked: string | null; readonly sha256: string | null },
  record: CheckRecord,
  force: boolean,
): WritePlan {
  const broken = force ? null : brokenReading(check);
  if (broken !== null) return { kind: 'refused', broken };
  if (check.findings.some(needsEntry)) return { kind: 'needs-entry' };
  const writable = writableFindings(check);
  const left = check.findings.length - writable.length;
  const recordsCheck = left === 0 && (recorded.sha256 !== record.sha256 || recorded.checked !== record.checked);
  if (writable.length === 0 && !recordsCheck) return left === 0 ? { kind: 'up-to-date' } : { kind: 'left-over', left };
  const edits = writable.map((f) => f.edit!);
  // A validator the catalogue cannot hold is not recorded; the next check then reads the page in full.
  const recordEdit: CatalogEdit = {
    op: 'record-check',
    checked: record.checked,
    sha256: record.sha256,
    ...(isRecordable(record.etag, MAX_RECORDED_ETAG) ? { etag: record.etag } : {}),
    ...(isRecordable(record.lastModified, MAX_RECORDED_LAST_MODIFIED) ? { lastModified: record.lastModified } : {}),
  };
  const untranslated = writable
    .filter((f) => (f.edit?.op === 'add-grant' ? f.edit.grant.conditions : f.edit?.op === 'set-conditions' ? f.edit.conditions : []).some((c) => c.fr === c.en))
    .map((f) => ({ service: f.service?.name ?? '', clientele: f.clientele?.name ?? '' }));
  return {
    kind: 'write',
    edits: recordsCheck ? [...edits, recordEdit] : edits,
    applied: edits.length,
    recordsCheck,
    left,
    untranslated,
  };
}
