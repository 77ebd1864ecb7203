// A new <hostdev> for a host PCI device, as libvirt writes one: managed, the host address in <source>, optionally a
// driver and a guest address. Shared by the pass-through tweak and the IOMMU group fix.

import type { ElementSpec } from '../edits/xmlSnippet';
import { type PciAddress, pciAddressNumbers } from '../model/pciAddress';
import { pciAddressSpec } from '../planner/pciAddressPlanner';

export function pciHostdevSpec(host: PciAddress, options: { driver?: string; guest?: PciAddress } = {}): ElementSpec {
  return {
    name: 'hostdev',
    attributes: [
      ['mode', 'subsystem'],
      ['type', 'pci'],
      ['managed', 'yes'],
    ],
    children: [
      ...(options.driver ? [{ name: 'driver', attributes: [['name', options.driver]] as Array<[string, string]> }] : []),
      { name: 'source', children: [{ name: 'address', attributes: pciAddressNumbers(host) }] },
      ...(options.guest ? [pciAddressSpec(options.guest)] : []),
    ],
  };
}
