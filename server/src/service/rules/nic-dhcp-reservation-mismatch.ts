import { messages } from '../../l10n/message';
import { DOCS } from '../libvirtDocs';
import { parseMac } from '../model/macAddress';
import { attribute, attributeValue, firstChild, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('nic-dhcp-reservation-mismatch', {
  reservation: 'The network {network} reserves {mac}',
  reservationWithIp: 'The network {network} reserves {mac} ({ip})',
  onOtherNetwork: "{reservation}, but this NIC is on '{on}': the reservation does not apply to it.",
  notOnNetwork: '{reservation}, but this NIC is not on a libvirt network: the reservation does not apply to it.',
  otherHost: "{reservation} for host '{host}', not for this domain '{domain}': the guest gets that name (and address).",
});

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
        const reserved = reservation.ip
          ? M.reservationWithIp({ network: network.name, mac: macAttribute.value, ip: reservation.ip })
          : M.reservation({ network: network.name, mac: macAttribute.value });
        if (on !== network.name)
          report({
            ...valueSpan(macAttribute),
            message: on ? M.onOtherNetwork({ reservation: reserved, on }) : M.notOnNetwork({ reservation: reserved }),
          });
        else if (reservation.name && model.name && reservation.name !== model.name)
          report({
            ...valueSpan(macAttribute),
            message: M.otherHost({ reservation: reserved, host: reservation.name, domain: model.name }),
          });
      }
    }
  },
};
