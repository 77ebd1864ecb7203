// Messages by stable id. Code declares its English messages in groups (`messages('rule-id', {...})`), each
// template with named placeholders (`{arch}`); a call gives a Message, rendered in a language only where it
// leaves the service (a diagnostic, a fix title, the CLI's output), so that what rules compute is the same in
// every language. libvirt's own texts are passed as placeholder values and quoted verbatim.

/** A placeholder's value: text and numbers are inserted as they are, a nested message in the same language. */
export type MessageArg = string | number | Message;

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** Every declared group: its name and English templates (read as a whole only by declaredMessages()). */
const GROUPS: Array<{ readonly group: string; readonly templates: Readonly<Record<string, string>> }> = [];

export class Message {
  constructor(
    readonly id: string,
    /** The English template: a message renders in English without a catalogue. */
    readonly english: string,
    readonly args: Readonly<Record<string, MessageArg>> = {},
  ) {}

  /** English: a Message interpolated into a string reads as it did before it had an id. */
  toString(): string {
    return format(this.english, this.args, (nested) => nested.toString());
  }
}

/** Text that may be a Message (rendered in the caller's language) or plain text (the same in every language). */
export type Text = string | Message;

/** The placeholder names of a template, as a type: 'Needs {kind} on {arch}' → 'kind' | 'arch'. */
type Names<S extends string> = S extends `${string}{${infer P}}${infer R}` ? P | Names<R> : never;

/** A template built by concatenation is no literal type: its placeholders can't be checked, any may be given. */
type Formatter<S extends string> = string extends S
  ? (args?: Readonly<Record<string, MessageArg>>) => Message
  : [Names<S>] extends [never]
    ? () => Message
    : (args: { readonly [P in Names<S>]: MessageArg }) => Message;

/**
 * Declares a group of English messages under `group` (a rule id, or an area such as 'virsh'); each key becomes the
 * id `group.key`. Returns one function per message that takes its placeholders by name.
 */
export function messages<const T extends Record<string, string>>(
  group: string,
  templates: T,
): { readonly [K in keyof T]: Formatter<T[K]> } {
  GROUPS.push({ group, templates });
  // Each formatter is made the first time its message is used: the ~1,700 messages declared as the modules load
  // would otherwise cost every start a closure each (most runs report a handful).
  const formatters: Record<string, (args?: Record<string, MessageArg>) => Message> = {};
  return new Proxy(formatters, {
    get(made, key) {
      if (typeof key !== 'string' || !Object.hasOwn(templates, key)) return undefined;
      let formatter = made[key];
      if (!formatter) {
        const id = `${group}.${key}`;
        const english = templates[key];
        formatter = (args) => new Message(id, english, args);
        made[key] = formatter;
      }
      return formatter;
    },
  }) as unknown as { readonly [K in keyof T]: Formatter<T[K]> };
}

/** Every declared message id with its English template, in declaration order; an id declared twice throws. */
export function declaredMessages(): ReadonlyMap<string, string> {
  const english = new Map<string, string>();
  for (const { group, templates } of GROUPS)
    for (const [key, template] of Object.entries(templates)) {
      const id = `${group}.${key}`;
      if (english.has(id) && english.get(id) !== template) throw new Error(`Message ${id} is declared twice.`);
      english.set(id, template);
    }
  return english;
}

/** The placeholder names a template uses, sorted. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1]))].sort();
}

/** A template split at its placeholders once: [text, name, text, name, …, text]. */
const PARTS = new Map<string, readonly string[]>();

function partsOf(template: string): readonly string[] {
  let parts = PARTS.get(template);
  if (!parts) {
    parts = template.split(PLACEHOLDER);
    PARTS.set(template, parts);
  }
  return parts;
}

/** Fills a template's placeholders; one the arguments lack is left as written, so that it shows. */
export function format(template: string, args: Readonly<Record<string, MessageArg>>, nested: (message: Message) => string): string {
  const parts = partsOf(template);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const value = args[parts[i]];
    out += value === undefined ? `{${parts[i]}}` : value instanceof Message ? nested(value) : String(value);
    out += parts[i + 1];
  }
  return out;
}
