import { messages } from '../../../l10n/message';
import type { DocumentFixContext } from '../../languageTypes';
import { NETWORK_DOCS } from '../../libvirtDocs';
import type { Rule } from '../../rules/rule';
import { valueSpan } from '../../xml/xmlTree';
import { dhcpHosts } from '../dhcpHosts';
import { sameNetwork } from '../ipAddress';
import type { NetworkModel } from '../networkModel';

const M = messages('network-dhcp-host-outside-subnet', {
  notInSubnet:
    '{address} is not in the network {subnet}: libvirt accepts it, but dnsmasq never hands it out (the guest gets no address from this entry).',
  hostsOwnAddress: "{address} is the host's own address on this network (the guests' gateway): the guest would collide with it.",
});

export const networkDhcpHostOutsideSubnet: Rule<NetworkModel, DocumentFixContext> = {
  id: 'network-dhcp-host-outside-subnet',
  severity: 'warning',
  title: "A DHCP static host whose address is not in its <ip>'s subnet, or is the host's own address",
  explanation:
    'libvirt accepts a <dhcp><host> whose ip= lies outside the subnet of the <ip> it is in (and dnsmasq starts), but ' +
    'dnsmasq serves addresses only on that subnet: the guest with that MAC never gets the address. A static host with ' +
    "the host's own address (the guests' gateway) collides with it.",
  docs: NETWORK_DOCS.addressing,
  check({ model, report }) {
    for (const host of dhcpHosts(model)) {
      const own = host.ip.parsed;
      if (!host.parsed || !own || host.ip.prefixLength === undefined) continue;
      const subnet = `${host.ip.address!.value}/${host.ip.prefixLength}`;
      if (host.parsed.family !== own.family || !sameNetwork(host.parsed, own, host.ip.prefixLength))
        report({
          ...valueSpan(host.address!),
          message: M.notInSubnet({ address: host.address!.value, subnet }),
        });
      else if (host.parsed.value === own.value)
        report({
          ...valueSpan(host.address!),
          message: M.hostsOwnAddress({ address: host.address!.value }),
        });
    }
  },
};
