// Command replies as the handlers make them: any text in them may still be a Message (ours, with an id), rendered in
// the language in force when the reply leaves the server. libvirt's own texts are plain strings and stay verbatim.

import type { Locale } from '../l10n/locale';
import { Message, type Text } from '../l10n/message';
import { render } from '../l10n/render';

/** A reply type whose texts (at any depth) may still be Messages; literal types (kinds, states) stay as they are. */
export type Unrendered<T> = T extends string
  ? string extends T
    ? Text
    : T
  : T extends readonly (infer E)[]
    ? readonly Unrendered<E>[]
    : T extends object
      ? { readonly [K in keyof T]: Unrendered<T[K]> }
      : T;

/** The reply with every Message in it rendered in `locale` (what goes over the wire is plain JSON). */
export function renderReply(reply: unknown, locale: Locale): unknown {
  if (reply instanceof Message) return render(reply, locale);
  if (Array.isArray(reply)) return reply.map((item) => renderReply(item, locale));
  if (reply && typeof reply === 'object')
    return Object.fromEntries(Object.entries(reply).map(([key, value]) => [key, renderReply(value, locale)]));
  return reply;
}
