import { connectedHost, connectionName, hostPciDeviceAt } from '../hostFacts';
import { DOCS } from '../libvirtDocs';
import { hostdevSourceAddress, pciHostdevs } from '../model/domainModel';
import { formatPciAddress } from '../model/pciAddress';
import { tagSpan } from '../validation/spans';
import { firstChild } from '../xml/xmlTree';
import type { Rule } from './rule';

export const hostdevNotOnHost: Rule = {
  id: 'hostdev-not-on-host',
  severity: 'error',
  title: "A PCI hostdev's source address is not a device of the connection's host",
  explanation:
    "A <hostdev type='pci'> names a device of the host by its address (lspci -D, virsh nodedev-list --cap pci). " +
    'libvirt accepts the definition but refuses to start it when the host has no device there ("Device … not found"). ' +
    'Addresses change when cards move slots or the firmware renumbers buses: check the host again after hardware changes.',
  docs: DOCS.hostdev,
  check({ model, host, report }) {
    const connected = connectedHost(host);
    if (!connected?.pciDevices) return;
    for (const hostdev of pciHostdevs(model)) {
      const address = hostdevSourceAddress(hostdev);
      if (!address || hostPciDeviceAt(connected, address)) continue;
      const where = firstChild(hostdev.source, 'address') ?? hostdev.element;
      const sameSlot = connected.pciDevices.filter((d) => d.address.bus === address.bus && d.address.slot === address.slot);
      report({
        ...tagSpan(where),
        message:
          `The host of ${connectionName(connected.connection.uri)} has no PCI device ${formatPciAddress(address)}: ` +
          `libvirt accepts the definition but refuses to start it. ${sameSlot.length ? `On that slot it has ${sameSlot.map((d) => formatPciAddress(d.address)).join(', ')}. ` : ''}` +
          'List its devices with virsh nodedev-list --cap pci (or lspci -D on the host).',
      });
    }
  },
};
