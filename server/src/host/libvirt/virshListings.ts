// virsh's plain-text listings read into host facts: `--name` lists, `freepages --all`, `nodeinfo`, `vol-list`.

/** One name per line (`net-list --all --name`, `pool-list --all --name`, `nodedev-list`). */
export function parseNameList(output: string): string[] {
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** `freepages --all`: "Node 0:\n4KiB: 1661112\n2048KiB: 0" → free pages by node and size. */
export function parseFreePages(output: string): Map<number, Map<number, number>> {
  const nodes = new Map<number, Map<number, number>>();
  let current: Map<number, number> | undefined;
  for (const line of output.split('\n')) {
    const node = /^Node (\d+):/.exec(line.trim());
    if (node) {
      current = new Map();
      nodes.set(Number(node[1]), current);
      continue;
    }
    const pages = /^(\d+)KiB:\s*(\d+)$/.exec(line.trim());
    if (pages && current) current.set(Number(pages[1]), Number(pages[2]));
  }
  return nodes;
}

/** `nodeinfo`: the host's CPU count and memory. */
export function parseNodeInfo(output: string): { cpus?: number; memoryKiB?: number } {
  const field = (name: string) => new RegExp(`^${name}:\\s*(\\d+)`, 'm').exec(output)?.[1];
  const cpus = field('CPU\\(s\\)');
  const memory = field('Memory size');
  return { cpus: cpus ? Number(cpus) : undefined, memoryKiB: memory ? Number(memory) : undefined };
}

/** `vol-list --pool P`: the volume names of the table (columns are separated by two or more spaces). */
export function parseVolumeList(output: string): string[] {
  const lines = output.split('\n');
  const rule = lines.findIndex((line) => /^-{3,}/.test(line.trim()));
  if (rule < 0) return [];
  return lines
    .slice(rule + 1)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => line.split(/\s{2,}/)[0]!);
}
