// Groups items by a key: the shape of every "two things claim the same X" rule.

import { messages, type Text } from '../../l10n/message';

const M = messages('grouping', {
  list: '{first}, {rest}',
  andMore: '{list} and {more} more',
});

/** Items grouped by key (items whose key is undefined are left out), in first-seen order. */
export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Only the groups with more than one item. */
export function duplicates<T>(groups: Map<string, T[]>): Array<[string, T[]]> {
  return [...groups].filter(([, items]) => items.length > 1);
}

/** How many other members of a group a diagnostic names: a generated file may put thousands on one address. */
export const MAX_NAMED_OTHERS = 8;

/** The other members of `item`'s group, at most MAX_NAMED_OTHERS of them, and how many were left out. */
export function othersIn<T>(group: readonly T[], item: T): { shown: T[]; more: number } {
  const shown: T[] = [];
  for (const other of group) {
    if (other === item) continue;
    if (shown.length === MAX_NAMED_OTHERS) break;
    shown.push(other);
  }
  return { shown, more: group.length - 1 - shown.length };
}

/** "disk vda, interface" — each label in the reader's language, joined as that language joins a list. */
export function listOf(labels: readonly Text[]): Text {
  if (labels.length <= 1) return labels[0] ?? '';
  return M.list({ first: labels[0], rest: listOf(labels.slice(1)) });
}

/** "disk vda, interface and 3 more" */
export function listWithMore(labels: readonly Text[], more: number): Text {
  return more > 0 ? M.andMore({ list: listOf(labels), more }) : listOf(labels);
}
