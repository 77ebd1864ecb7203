// libvirt's CPU lists ("0-3,8,^2"), as in cpuset=, siblings= and numatune nodeset=.

/** The CPU numbers of a list, or undefined when it is malformed. */
export function parseCpuList(list: string): number[] | undefined {
  const included = new Set<number>();
  const excluded = new Set<number>();
  for (const raw of list.split(',')) {
    const part = raw.trim();
    const match = /^(\^)?(\d+)(?:-(\d+))?$/.exec(part);
    if (!match) return undefined;
    const from = Number(match[2]);
    const to = match[3] === undefined ? from : Number(match[3]);
    if (to < from || to - from > 65_536) return undefined;
    for (let cpu = from; cpu <= to; cpu++) (match[1] ? excluded : included).add(cpu);
  }
  return [...included].filter((cpu) => !excluded.has(cpu)).sort((a, b) => a - b);
}
