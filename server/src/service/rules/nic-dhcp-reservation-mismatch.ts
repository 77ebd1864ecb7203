import { DOCS } from '../libvirtDocs';
import { parseMac } from '../model/macAddress';
import { attribute, attributeValue, firstChild, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

export const nicDhcpReservationMismatch: Rule = {
  id: 'nic-dhcp-reservation-mismatch',
  severity: 'info',
  title: "A NIC whose MAC a workspace network reserves for another host name, or in another network than the NIC's",
  explanation:
    "A network's <dhcp><host mac=… name=… ip=…> gives that MAC a fixed address and a host name. When a domain's NIC " +
    'has the MAC but the reservation names another host, or sits in a network the NIC is not on, the guest gets ' +
    'another name (or no fixed address): usually a MAC copied from another domain, or a reservation left behind.',
  docs: DOCS.interfaces,
  check({ model, workspace, report }) {
    if (workspace.networks.length === 0) return;
    for (const device of model.devices) {
      if (device.kind !== 'interface') continue;
      const macAttribute = attribute(firstChild(device.element, 'mac') ?? device.element, 'address');
      const mac = macAttribute && parseMac(macAttribute.value)?.normalized;
      if (!macAttribute || !mac) continue;
      const on = device.type === 'network' ? attributeValue(device.source, 'network') : undefined;
      for (const network of workspace.networks) {
        const reservation = network.hosts.find((host) => host.mac === mac);
        if (!reservation) continue;
        const reserved = `${network.name} reserves ${macAttribute.value}${reservation.ip ? ` (${reservation.ip})` : ''}`;
        if (on !== network.name)
          report({
            ...valueSpan(macAttribute),
            message: `The network ${reserved}, but this NIC is ${on ? `on '${on}'` : 'not on a libvirt network'}: the reservation does not apply to it.`,
          });
        else if (reservation.name && model.name && reservation.name !== model.name)
          report({
            ...valueSpan(macAttribute),
            message: `The network ${reserved} for host '${reservation.name}', not for this domain '${model.name}': the guest gets that name (and address).`,
          });
      }
    }
  },
};
