// The vCPUs and I/O threads a domain has, as libvirt's parser numbers them for <cputune>: vCPUs 0 to <vcpu>-1 (one
// without <vcpu>); I/O threads the <iothreadids> ids plus, up to the <iothreads> count, the lowest unused ids from 1.

import { childrenNamed, firstChild, type XmlElement } from '../xml/xmlTree';
import type { DomainModel } from './domainModel';
import { parseDecimal } from './pciAddress';

/** The maximum vCPU count; undefined when <vcpu> is unreadable. */
export function maxVcpus(model: DomainModel): number | undefined {
  return model.vcpu ? model.vcpu.maximum : 1;
}

/** The domain's I/O thread ids; undefined when <iothreads> or an id is unreadable. */
export function iothreadIds(root: XmlElement): Set<number> | undefined {
  const countElement = firstChild(root, 'iothreads');
  const count = countElement ? parseDecimal(countElement.text.trim()) : 0;
  if (count === undefined) return undefined;
  const ids = new Set<number>();
  for (const iothread of childrenNamed(firstChild(root, 'iothreadids'), 'iothread')) {
    const id = parseDecimal(iothread.attributes.find((a) => a.name === 'id')?.value ?? '');
    if (!id) return undefined;
    ids.add(id);
  }
  // A count in the millions is no domain libvirt would keep: do not enumerate it.
  if (count > 65_536) return undefined;
  for (let id = 1; ids.size < count; id++) ids.add(id);
  return ids;
}
