// Groups items by a key: the shape of every "two things claim the same X" rule.

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
