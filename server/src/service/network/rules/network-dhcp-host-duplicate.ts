import { type Message, messages } from '../../../l10n/message';
import { removeElement } from '../../edits/xmlEdits';
import type { DocumentFixContext } from '../../languageTypes';
import { NETWORK_DOCS } from '../../libvirtDocs';
import { parseMac } from '../../model/macAddress';
import type { Rule } from '../../rules/rule';
import { nameSpan, valueSpan, type XmlAttribute } from '../../xml/xmlTree';
import { type DhcpHost, dhcpHosts } from '../dhcpHosts';
import { formatIp } from '../ipAddress';
import type { NetworkModel } from '../networkModel';

const M = messages('network-dhcp-host-duplicate', {
  repeatsEarlier: 'This static host repeats an earlier one: libvirt accepts it, and it adds nothing.',
  macTaken:
    'The MAC {value} is already given to an earlier static host: libvirt and dnsmasq accept it, but only one of the two entries takes effect.',
  addressTaken:
    'The address {value} is already given to an earlier static host: libvirt and dnsmasq accept it, but only one of the two entries takes effect.',
  nameTaken:
    'The name {value} is already given to an earlier static host: libvirt and dnsmasq accept it, but only one of the two entries takes effect.',
  earlierHost: 'The earlier host with {value}',
  removeRepeated: 'Remove the repeated host',
});

export const networkDhcpHostDuplicate: Rule<NetworkModel, DocumentFixContext> = {
  id: 'network-dhcp-host-duplicate',
  severity: 'warning',
  title: 'Two DHCP static hosts with the same MAC, the same address or the same name',
  explanation:
    'libvirt and dnsmasq accept static hosts that repeat a MAC, an address or a name, but only one entry can win: a ' +
    'MAC listed twice gets one of its addresses, an address listed for two MACs goes to whichever guest asks first and ' +
    'the other is left without it, a name listed twice resolves to one of them.',
  docs: NETWORK_DOCS.addressing,
  check({ model, report }) {
    const hosts = dhcpHosts(model);
    const keys: Array<[(args: { value: string }) => Message, (host: DhcpHost) => { attribute: XmlAttribute; key: string } | undefined]> = [
      [
        M.macTaken,
        (host) => {
          const mac = host.mac && parseMac(host.mac.value);
          return host.mac && mac ? { attribute: host.mac, key: mac.normalized } : undefined;
        },
      ],
      [M.addressTaken, (host) => (host.address && host.parsed ? { attribute: host.address, key: formatIp(host.parsed) } : undefined)],
      [M.nameTaken, (host) => (host.name ? { attribute: host.name, key: host.name.value } : undefined)],
    ];
    const reported = new Set<DhcpHost>();
    for (const [taken, keyOf] of keys) {
      const first = new Map<string, DhcpHost>();
      for (const host of hosts) {
        const found = keyOf(host);
        if (!found) continue;
        const earlier = first.get(found.key);
        if (!earlier) {
          first.set(found.key, host);
          continue;
        }
        if (reported.has(host)) continue;
        reported.add(host);
        const identical = host.element.attributes.every((a) =>
          earlier.element.attributes.some((b) => b.name === a.name && b.value === a.value),
        );
        report({
          ...valueSpan(found.attribute),
          message: identical ? M.repeatsEarlier() : taken({ value: found.attribute.value }),
          related: [{ ...nameSpan(earlier.element), message: M.earlierHost({ value: found.attribute.value }) }],
          fixes: identical
            ? (context) => [{ title: M.removeRepeated(), edits: [removeElement(host.element, context)], preferred: true }]
            : undefined,
        });
      }
    }
  },
};
