import { messages } from '../../l10n/message';
import { connectedHost, connectionName, hostPciDeviceAt } from '../hostFacts';
import { DOCS } from '../libvirtDocs';
import { hostdevSourceAddress, pciHostdevs } from '../model/domainModel';
import { formatPciAddress } from '../model/pciAddress';
import { tagSpan } from '../validation/spans';
import { firstChild } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('hostdev-not-on-host', {
  noDevice:
    'The host of {connection} has no PCI device {address}: libvirt accepts the definition but refuses to start it. List its devices with virsh nodedev-list --cap pci (or lspci -D on the host).',
  noDeviceOnSlot:
    'The host of {connection} has no PCI device {address}: libvirt accepts the definition but refuses to start it. On that slot it has {devices}. List its devices with virsh nodedev-list --cap pci (or lspci -D on the host).',
});

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
      const connection = connectionName(connected.connection.uri);
      report({
        ...tagSpan(where),
        message: sameSlot.length
          ? M.noDeviceOnSlot({
              connection,
              address: formatPciAddress(address),
              devices: sameSlot.map((d) => formatPciAddress(d.address)).join(', '),
            })
          : M.noDevice({ connection, address: formatPciAddress(address) }),
      });
    }
  },
};
