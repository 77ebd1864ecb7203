import { messages } from '../../../l10n/message';
import { setAttribute } from '../../edits/xmlEdits';
import type { DocumentFixContext } from '../../languageTypes';
import { NETWORK_DOCS } from '../../libvirtDocs';
import type { Rule } from '../../rules/rule';
import { nameSpan } from '../../xml/xmlTree';
import { readRange } from '../dhcpRanges';
import { addressBits, formatIp } from '../ipAddress';
import { refusedAtDefine } from '../networkMessages';
import type { NetworkModel } from '../networkModel';

const M = messages('network-dhcp-range-outside-subnet', {
  notWithinSubnet: "The DHCP range is not within the <ip>'s subnet",
  startsAtNetworkAddress: "The DHCP range starts at the subnet's network address",
  endsAtBroadcastAddress: "The DHCP range ends at the subnet's broadcast address",
  changeTo: 'Change to {start} – {end}',
});

export const networkDhcpRangeOutsideSubnet: Rule<NetworkModel, DocumentFixContext> = {
  id: 'network-dhcp-range-outside-subnet',
  severity: 'error',
  title: "A DHCP range not entirely within its <ip>'s subnet, or starting at its network or ending at its broadcast address",
  explanation:
    'libvirt checks each <dhcp><range> against the <ip> it is in (the address with its netmask or prefix) and refuses ' +
    'the network when either end lies outside that subnet, when an IPv4 range starts at the network address or ends ' +
    'at the broadcast address. A range copied from another network is the usual cause: the message names the subnet ' +
    'the range should be in.',
  docs: NETWORK_DOCS.addressing,
  check({ model, report }) {
    for (const ip of model.ips) {
      for (const element of ip.ranges) {
        const { problem, start, end } = readRange(ip, element);
        if (!problem || !start || !end || !ip.parsed || ip.prefixLength === undefined) continue;
        const bits = addressBits(start.family);
        const hostMask = (1n << BigInt(bits - ip.prefixLength)) - 1n;
        const network = ip.parsed.value & ~hostMask & ((1n << BigInt(bits)) - 1n);
        /** A fix to these ends, offered only when libvirt would take them. */
        const proposal = (from: bigint, to: bigint) => (context: DocumentFixContext) => {
          const moved = { start: { family: start.family, value: from }, end: { family: start.family, value: to } };
          if (readRange(ip, element, moved).problem) return [];
          return [
            {
              title: M.changeTo({ start: formatIp(moved.start), end: formatIp(moved.end) }),
              edits: [
                setAttribute(element, 'start', formatIp(moved.start), context),
                setAttribute(element, 'end', formatIp(moved.end), context),
              ],
              preferred: true,
            },
          ];
        };
        if (problem.kind === 'outside')
          report({
            ...nameSpan(element),
            message: refusedAtDefine(M.notWithinSubnet(), problem.says),
            // The same host part in the <ip>'s subnet: 10.77.1.100 in 10.231.0.1/24 becomes 10.231.0.100.
            fixes: proposal(network | (start.value & hostMask), network | (end.value & hostMask)),
          });
        else if (problem.kind === 'network-address')
          report({
            ...nameSpan(element),
            message: refusedAtDefine(M.startsAtNetworkAddress(), problem.says),
            fixes: proposal(start.value + 1n, end.value),
          });
        else if (problem.kind === 'broadcast')
          report({
            ...nameSpan(element),
            message: refusedAtDefine(M.endsAtBroadcastAddress(), problem.says),
            fixes: proposal(start.value, end.value - 1n),
          });
      }
    }
  },
};
