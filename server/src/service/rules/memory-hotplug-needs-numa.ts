import { guestArch } from '../model/domainModel';
import { firstChild } from '../xml/xmlTree';
import { DOCS } from './docs';
import type { Rule } from './rule';
import { tagSpan } from './spans';

export const memoryHotplugNeedsNuma: Rule = {
  id: 'memory-hotplug-needs-numa',
  severity: 'error',
  title: '<maxMemory> (memory hot-plug) without a NUMA cell',
  explanation: 'QEMU plugs memory into a NUMA node, so memory hot-plug needs at least one <cell> in <cpu><numa>. libvirt '
    + 'refuses <maxMemory> without one: "At least one numa node has to be configured when enabling memory hotplug" '
    + '(ppc64 pSeries guests excepted).',
  docs: DOCS.memory,
  check({ model, host, report }) {
    const maxMemory = model.maxMemory;
    if (!maxMemory || firstChild(firstChild(model.cpu.element, 'numa'), 'cell')) return;
    // pSeries guests hot-plug memory without NUMA (libvirt exempts ppc64).
    if (guestArch(model, host.arch).startsWith('ppc64')) return;
    report({
      ...tagSpan(maxMemory.element),
      message: "<maxMemory> needs a NUMA cell: add <numa><cell id='0' cpus='0-N' memory='...'/></numa> to <cpu>, or remove <maxMemory>.",
    });
  },
};
