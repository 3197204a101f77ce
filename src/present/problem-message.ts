import type { Problem, ProblemDetail } from '../catalog/problem';
import { messagesFor } from './messages/messages';
import type { Lang } from './options';

/** What a problem says, in a language. */
export function problemMessage(p: Pick<Problem, 'detail'>, lang: Lang): string {
  const say = messagesFor(lang).problems[p.detail.id] as (d: ProblemDetail) => string;
  return say(p.detail);
}
