import { messages } from '../../../l10n/message';
import type { DocumentFixContext } from '../../languageTypes';
import { NETWORK_DOCS } from '../../libvirtDocs';
import type { Rule } from '../../rules/rule';
import { nameSpan } from '../../xml/xmlTree';
import { readRange } from '../dhcpRanges';
import { formatIp } from '../ipAddress';
import type { NetworkModel } from '../networkModel';

const M = messages('network-dhcp-ranges-overlap', {
  overlapsEarlier: 'This DHCP range overlaps an earlier one ({from} – {to}): dnsmasq hands out their union.',
  earlierRange: 'The earlier range',
});

export const networkDhcpRangesOverlap: Rule<NetworkModel, DocumentFixContext> = {
  id: 'network-dhcp-ranges-overlap',
  severity: 'info',
  title: 'Two DHCP ranges of one <ip> that overlap',
  explanation:
    'libvirt and dnsmasq accept overlapping <dhcp><range> elements and hand out their union, so nothing breaks; but a ' +
    'range that repeats or overlaps another is usually a copy whose addresses were meant to change.',
  docs: NETWORK_DOCS.addressing,
  check({ model, report }) {
    for (const ip of model.ips) {
      const ranges = ip.ranges.map((element) => readRange(ip, element)).filter((range) => !range.problem && range.start && range.end);
      ranges.forEach((range, index) => {
        const earlier = ranges
          .slice(0, index)
          .find((other) => other.start!.value <= range.end!.value && range.start!.value <= other.end!.value);
        if (!earlier) return;
        const from = range.start!.value > earlier.start!.value ? range.start! : earlier.start!;
        const to = range.end!.value < earlier.end!.value ? range.end! : earlier.end!;
        report({
          ...nameSpan(range.element),
          message: M.overlapsEarlier({ from: formatIp(from), to: formatIp(to) }),
          related: [{ ...nameSpan(earlier.element), message: M.earlierRange() }],
        });
      });
    }
  },
};
