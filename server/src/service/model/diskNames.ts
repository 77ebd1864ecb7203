// libvirt's disk target names: the prefix of each bus (vd, sd, hd...) and the next name not in use.

import { attributeValue } from '../xml/xmlTree';
import type { Device, DomainModel } from './domainModel';
import { devicesOfKind } from './domainModel';

/** The disk name prefix libvirt expects for a bus. */
export function targetPrefixFor(bus: string): string {
  switch (bus) {
    case 'virtio':
      return 'vd';
    case 'ide':
      return 'hd';
    case 'fdc':
      return 'fd';
    case 'xen':
      return 'xvd';
    default:
      return 'sd';
  }
}

/** 0 → a, 25 → z, 26 → aa: libvirt's disk name suffixes. */
function diskSuffix(index: number): string {
  let suffix = '';
  let n = index;
  do {
    suffix = String.fromCharCode(97 + (n % 26)) + suffix;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return suffix;
}

/** The first free target name with the bus's prefix (vda, vdb... / sda...), ignoring `except`'s own name. */
export function nextFreeTarget(model: DomainModel, bus: string, except?: Device, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set(taken);
  for (const disk of devicesOfKind(model, 'disk')) {
    const dev = attributeValue(disk.target, 'dev');
    if (dev && disk !== except) used.add(dev);
  }
  const prefix = targetPrefixFor(bus);
  for (let i = 0; ; i++) {
    const name = prefix + diskSuffix(i);
    if (!used.has(name)) return name;
  }
}
