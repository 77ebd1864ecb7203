import { messages } from '../../../l10n/message';
import type { DocumentFixContext } from '../../languageTypes';
import { NETWORK_DOCS } from '../../libvirtDocs';
import { parseMac } from '../../model/macAddress';
import type { Rule } from '../../rules/rule';
import { nameSpan, valueSpan } from '../../xml/xmlTree';
import { dhcpHosts, isIpv6Host } from '../dhcpHosts';
import { networkName, refusedAtDefine } from '../networkMessages';
import type { NetworkModel } from '../networkModel';

const M = messages('network-dhcp-host-invalid', {
  macOnIpv6: 'A mac= on an IPv6 static host (IPv6 hosts are identified by id= or name=)',
  notMac: "'{value}' is not a MAC address",
  multicastMac: '{value} is a multicast MAC address',
  noIdentity: 'The static host has neither {attribute} nor name=',
  noIp: 'The static host has no ip=',
  notIp: "'{value}' is not an IP address",
});

export const networkDhcpHostInvalid: Rule<NetworkModel, DocumentFixContext> = {
  id: 'network-dhcp-host-invalid',
  severity: 'error',
  title: 'A DHCP static host without an address, without what identifies it, or with a malformed MAC or address',
  explanation:
    'libvirt refuses a <dhcp><host> without ip=, or with one it cannot parse; in an IPv4 network one with neither mac= ' +
    'nor name=, in an IPv6 network one with neither id= nor name= (and one with a mac=, which IPv6 does not use); a ' +
    'MAC it cannot parse or a multicast MAC (an odd first byte).',
  docs: NETWORK_DOCS.addressing,
  check({ model, report }) {
    const name = networkName(model);
    for (const host of dhcpHosts(model)) {
      const ipv6 = isIpv6Host(host);
      const v = ipv6 ? 'IPv6' : 'IPv4';
      if (ipv6 && host.mac) {
        report({
          ...valueSpan(host.mac),
          message: refusedAtDefine(
            M.macOnIpv6(),
            `Invalid to specify MAC address '${host.mac.value}' in network '${name}' IPv6 static host definition`,
          ),
        });
        continue;
      }
      if (!ipv6 && host.mac) {
        const mac = parseMac(host.mac.value);
        if (!mac) {
          report({
            ...valueSpan(host.mac),
            message: refusedAtDefine(
              M.notMac({ value: host.mac.value }),
              `Cannot parse MAC address '${host.mac.value}' in network '${name}'`,
            ),
          });
          continue;
        }
        if (mac.multicast) {
          report({
            ...valueSpan(host.mac),
            message: refusedAtDefine(
              M.multicastMac({ value: host.mac.value }),
              `expected unicast mac address, found multicast '${host.mac.value}' in network '${name}'`,
            ),
          });
          continue;
        }
      }
      if (!host.name && !(ipv6 ? host.id : host.mac)) {
        report({
          ...nameSpan(host.element),
          message: refusedAtDefine(
            M.noIdentity({ attribute: ipv6 ? 'id=' : 'mac=' }),
            `Static host definition in ${v} network '${name}' must have ${ipv6 ? 'id' : 'mac'} or name attribute`,
          ),
        });
        continue;
      }
      if (!host.address) {
        report({
          ...nameSpan(host.element),
          message: refusedAtDefine(M.noIp(), `Missing IP address in static host definition for network '${name}'`),
        });
        continue;
      }
      if (!host.parsed)
        report({
          ...valueSpan(host.address),
          message: refusedAtDefine(
            M.notIp({ value: host.address.value }),
            `Invalid IP address in static host definition for network '${name}'`,
          ),
        });
    }
  },
};
