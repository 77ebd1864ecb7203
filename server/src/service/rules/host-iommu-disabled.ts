import { enableIommuAdvice } from '../hostAdvice';
import { connectedHost, connectionName } from '../hostFacts';
import { DOCS } from '../libvirtDocs';
import { pciHostdevs } from '../model/domainModel';
import { tagSpan } from '../validation/spans';
import type { Rule } from './rule';

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
    report({
      ...tagSpan(first.element),
      message:
        `The host of ${connectionName(connected.connection.uri)} has no IOMMU on: libvirt accepts the definition but refuses ` +
        `to start it with ${others.length ? `these ${others.length + 1} PCI host devices` : 'a PCI host device'} ("host doesn't support passthrough of host PCI devices"). ${enableIommuAdvice(connected.cpuVendor)}`,
      related: others.map((other) => ({ ...tagSpan(other.element), message: 'also needs the IOMMU' })),
    });
  },
};
