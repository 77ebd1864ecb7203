// What completion and hover know of one document kind's schema: the schema itself, our short documentation of its
// elements and attributes, and the values worth offering where the schema has a pattern rather than a list.

import type { Text } from '../../l10n/message';
import type { LibvirtSchema } from './libvirtSchema';

export interface Doc {
  readonly text: Text;
  /** The section of libvirt's documentation page with the whole story. */
  readonly section: string;
}

/** The usual values of a kind's elements and attributes, for snippets and completion. */
export interface UsualValues {
  /** Attributes worth filling in when an element is inserted, beyond the schema's required ones ("parent/element" or "element"). */
  readonly typical: Readonly<Record<string, readonly string[]>>;
  /** Values to offer first ("parent/element@attribute", "element@attribute", "attribute"; "parent/element" for text). */
  readonly suggested: Readonly<Record<string, readonly string[]>>;
  /** The value a snippet's choice starts with ("element@attribute", "element#text"). */
  readonly preferred: Readonly<Record<string, string>>;
}

export interface SchemaGuide {
  readonly schema: () => LibvirtSchema;
  /** The documentation of an element (`attribute` undefined) or of one of its attributes, found by the element's path. */
  docFor(path: readonly string[], attribute?: string): Doc | undefined;
  readonly usual: UsualValues;
}

/**
 * A docFor over a table keyed "name", "parent/name" or "grandparent/parent/name" (with "@attribute" for
 * attributes; the most specific key wins), each entry its text and a section key of `sections`.
 */
export function docLookup<S extends string>(
  table: Readonly<Record<string, readonly [Text, S]>>,
  sectionUrl: (section: S) => string,
): SchemaGuide['docFor'] {
  return (path, attribute) => {
    const suffix = attribute ? `@${attribute}` : '';
    for (let depth = Math.min(3, path.length); depth >= 1; depth--) {
      const entry = table[path.slice(path.length - depth).join('/') + suffix];
      if (entry) return { text: entry[0], section: sectionUrl(entry[1]) };
    }
    return undefined;
  };
}

/** The suggestions for an attribute of the element at `path`, or (without `attribute`) for its text. */
export function suggestedValues(usual: UsualValues, path: readonly string[], attribute?: string): readonly string[] {
  const [parent, element] = path.slice(-2);
  const table = usual.suggested;
  if (attribute === undefined) return table[`${parent}/${element}`] ?? [];
  return table[`${parent}/${element}@${attribute}`] ?? table[`${element}@${attribute}`] ?? table[attribute] ?? [];
}
