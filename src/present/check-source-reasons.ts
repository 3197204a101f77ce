import type { ProblemDetail } from '../catalog/problem';
import type { FetchFailure, ProxyTrouble } from '../page/fetch-page';
import type { HtmlRefusal } from '../page/read-html';
import { MAX_REMOVED_SHARE, type BrokenReading } from '../query/check-source';
import { describeErrno, type Messages } from './messages/messages';
import { problemMessage } from './problem-message';

/** Why a page could not be read, in words about a page (the catalogue's own sentences speak of catalogues). */
export function pageReason(detail: ProblemDetail, m: Messages): string {
  const p = m.checkSource.pageProblems;
  switch (detail.id) {
    case 'fileNotFound':
      return p.notFound;
    case 'isDirectory':
      return p.isDirectory;
    case 'tooLarge':
      return p.tooLarge(detail.size, detail.limit);
    case 'binary':
      return p.binary;
    case 'notUtf8':
      return p.notUtf8;
    case 'fileUnreadable':
    case 'stdinUnreadable':
      // The system's reason in words, with its code, as every other unreadable input is told.
      return describeErrno(detail.errno, m);
    default:
      return problemMessage({ detail }, m);
  }
}

/** Why the HTML reader refused a page: nested past a browser's limit, or style rules past what the check applies. */
export function htmlRefusalReason(refusal: HtmlRefusal, m: Messages): string {
  const p = m.checkSource.pageProblems;
  switch (refusal.id) {
    case 'tooDeep':
      return p.tooDeep(refusal.limit);
    case 'tooManyElements':
      return p.tooManyElements(refusal.limit);
    case 'tooManyHidingRules':
      return p.tooManyHidingRules(refusal.count, refusal.limit);
    case 'tooManyStyleTests':
      return p.tooManyStyleTests;
  }
}

/** How the proxy named `proxy` (scheme, host and port) failed a fetch, as a phrase in the run's language. */
function proxyReason(proxy: string, trouble: ProxyTrouble, m: Messages): string {
  const p = m.checkSource.fetch.proxy;
  switch (trouble.kind) {
    case 'refused':
      return p.refused(proxy);
    case 'dns':
      return p.dns(proxy);
    case 'network':
      return p.network(proxy, trouble.code);
    case 'tunnel':
      return p.tunnel(proxy, trouble.status, trouble.statusText);
    case 'request':
      return p.request(proxy, trouble.status, trouble.statusText);
  }
}

/** Why a page could not be fetched, as a phrase in the run's language. */
export function fetchReason(failure: FetchFailure, m: Messages): string {
  const f = m.checkSource.fetch;
  switch (failure.id) {
    case 'refused':
      return f.refused;
    case 'dns':
      return f.dns(failure.host);
    case 'network':
      return f.network(failure.code);
    case 'timeout':
      return f.timeout(failure.seconds);
    case 'http':
      // What sites answer a client they take for a robot: a copy saved from a browser can still be checked.
      return failure.status === 403 || failure.status === 429
        ? f.refusedAutomated(failure.status, failure.statusText)
        : f.http(failure.status, failure.statusText);
    case 'proxy':
      return proxyReason(failure.proxy, failure.trouble, m);
    case 'badProxy':
      return f.proxy.badAddress(failure.variable);
    case 'tooManyRedirects':
      return f.tooManyRedirects(failure.max);
    case 'badRedirect':
      return f.badRedirect(failure.location);
    case 'longRedirect':
      return f.longRedirect(failure.length, failure.limit);
    case 'headersTooLarge':
      return f.headersTooLarge(failure.limit);
    case 'tooLarge':
      return f.tooLarge(failure.size, failure.limit);
    case 'notHtml':
      return f.notHtml(failure.contentType);
    case 'badEncoding':
      return f.badEncoding(failure.coding);
    case 'incomplete': {
      const s = failure.shortfall;
      switch (s.kind) {
        case 'connection':
          return f.incomplete.connection(s.code);
        case 'length':
          return f.incomplete.length(s.received, s.announced);
        case 'encoding':
          return f.incomplete.encoding(s.coding);
        case 'unframed':
          return f.incomplete.unframed;
      }
    }
  }
}

/** Why `--write` refuses a reading of the page that looks broken (the refusal rule), for the catalogue `file`. */
export function brokenReadingLine(broken: BrokenReading, file: string, m: Messages): string {
  return broken.kind === 'empty-lists'
    ? m.checkSource.emptyLists(file, broken.lists.length, broken.lists[0]!.heading)
    : m.checkSource.tooManyRemovals(file, broken.removed, broken.grants, MAX_REMOVED_SHARE);
}
