import { messages } from '../../l10n/message';
import { enableIommuAdvice } from '../hostAdvice';
import { connectedHost, connectionName } from '../hostFacts';
import { DOCS } from '../libvirtDocs';
import { pciHostdevs } from '../model/domainModel';
import { tagSpan } from '../validation/spans';
import type { Rule } from './rule';

const M = messages('host-iommu-disabled', {
  offOne:
    'The host of {connection} has no IOMMU on: libvirt accepts the definition but refuses to start it with a PCI host device ("{libvirtSays}"). {advice}',
  offMany:
    'The host of {connection} has no IOMMU on: libvirt accepts the definition but refuses to start it with these {count} PCI host devices ("{libvirtSays}"). {advice}',
  alsoNeeds: 'also needs the IOMMU',
});

export const hostIommuDisabled: Rule = {
  id: 'host-iommu-disabled',
  severity: 'error',
  title: 'A PCI device is passed through on a host without an IOMMU',
  explanation:
    'VFIO needs the IOMMU (Intel VT-d, AMD-Vi) on in the firmware and in the kernel. When libvirt reports ' +
    "<iommu support='no'/>, it accepts the definition but refuses to start a guest with a PCI hostdev. The kernel " +
    'parameters depend on the CPU vendor: intel_iommu=on or amd_iommu=on, usually with iommu=pt.',
  docs: DOCS.hostdev,
  check({ model, host, report }) {
    const connected = connectedHost(host);
    const [first, ...others] = pciHostdevs(model);
    if (connected?.iommu !== false || !first) return;
    const args = {
      connection: connectionName(connected.connection.uri),
      libvirtSays: "host doesn't support passthrough of host PCI devices",
      advice: enableIommuAdvice(connected.cpuVendor),
    };
    report({
      ...tagSpan(first.element),
      message: others.length ? M.offMany({ ...args, count: others.length + 1 }) : M.offOne(args),
      related: others.map((other) => ({ ...tagSpan(other.element), message: M.alsoNeeds() })),
    });
  },
};
