import { messages } from '../../../l10n/message';
import { removeAttribute, setAttribute } from '../../edits/xmlEdits';
import type { DocumentFixContext } from '../../languageTypes';
import { NETWORK_DOCS } from '../../libvirtDocs';
import type { Problem, Rule } from '../../rules/rule';
import { attributeValue, nameSpan, valueSpan } from '../../xml/xmlTree';
import { addressBits, parseIp, prefixOfNetmask } from '../ipAddress';
import { networkName, refusedAtDefine, refusedAtStart } from '../networkMessages';
import { classfulPrefix, familyOf, type NetworkIp, type NetworkModel } from '../networkModel';

const M = messages('network-ip-invalid', {
  secondDhcp: 'A second {family} <ip> with DHCP',
  firstOne: 'The first one',
  noAddress: 'The <ip> has no address=',
  notIp: "'{value}' is not an IP address",
  familyUnknown: "family='{family}' is neither ipv4 nor ipv6",
  changeFamily: "Change to family='{family}'",
  ipv6FamilyOfIpv4: "family='ipv6' with the IPv4 address {address}",
  removeFamily: 'Remove family= (IPv4)',
  ipv4FamilyOfIpv6: "family='ipv4' with the IPv6 address {address}",
  ipv6WithoutFamily: "The IPv6 address {address} without family='ipv6'",
  addFamilyIpv6: "Add family='ipv6'",
  netmaskAndPrefix: 'Both netmask= and prefix=',
  removeAttribute: 'Remove {attribute}=',
  prefixNotNumber: "prefix='{prefix}' is not a number",
  prefixBits: 'A prefix of {bits} bits',
  netmaskForIpv6: 'A netmask= for an IPv6 address',
  removeNetmaskUsePrefix: 'Remove netmask= (use prefix=)',
  notNetmask: "'{value}' is not a netmask",
  ipv6Netmask: "The IPv6 netmask '{netmask}' for an IPv4 address",
  netmaskNotContiguous: 'The netmask {netmask} is not contiguous',
  noClass: '{address} has no netmask= or prefix=, and no address class to take one from',
  classfulPrefix:
    "The <ip> has no netmask= or prefix=: libvirt uses the prefix of the address's class, /{prefix} ({address}/{prefix}), and the DHCP ranges and routes are checked against it.",
  addPrefix: "Add prefix='{prefix}'",
  addClassPrefix: "Add prefix='{prefix}' (keep the class's)",
});

/** An <ip>'s address, netmask, prefix and family as libvirt's parser reads them (network_conf.c), one problem per <ip>. */
export const networkIpInvalid: Rule<NetworkModel, DocumentFixContext> = {
  id: 'network-ip-invalid',
  severity: 'error',
  title: "A network <ip> whose address, netmask, prefix or family libvirt can't use",
  explanation:
    'libvirt refuses a network whose <ip> has no address, a malformed one, both netmask= and prefix=, a prefix ' +
    'beyond 32 (IPv4) or 128 (IPv6), a netmask for IPv6, or a family= that does not match the address; and two ' +
    'DHCP-serving <ip> of one family. A netmask whose ones are not contiguous is refused when a DHCP range needs it, ' +
    'else when the network starts. An IPv4 <ip> without netmask and prefix gets the prefix of its address class ' +
    '(10.x is /8): accepted, and rarely what was meant.',
  docs: NETWORK_DOCS.addressing,
  check({ model, report }) {
    const name = networkName(model);
    const bridge = (model.bridge && attributeValue(model.bridge, 'name')) || 'virbrN';
    for (const ip of model.ips) {
      const problem = ipProblem(ip, name, bridge);
      if (problem) report(problem);
    }
    for (const family of ['ipv4', 'ipv6'] as const) {
      const serving = model.ips.filter((ip) => familyOf(ip) === family && (ip.ranges.length > 0 || ip.hosts.length > 0));
      for (const extra of serving.slice(1))
        report({
          ...nameSpan(extra.dhcp!),
          message: refusedAtDefine(
            M.secondDhcp({ family: family === 'ipv4' ? 'IPv4' : 'IPv6' }),
            `Multiple ${family === 'ipv4' ? 'IPv4' : 'IPv6'} dhcp sections found -- dhcp is supported only for a single ${family === 'ipv4' ? 'IPv4' : 'IPv6'} address on each network`,
          ),
          related: [{ ...nameSpan(serving[0]!.dhcp!), message: M.firstOne() }],
        });
    }
  },
};

function ipProblem(ip: NetworkIp, name: string, bridge: string): Problem<DocumentFixContext> | undefined {
  const { element, address, netmask, prefix, familyAttribute } = ip;
  if (!address)
    return {
      ...nameSpan(element),
      message: refusedAtDefine(M.noAddress(), `Missing required address attribute in network '${name}'`),
    };
  const parsed = ip.parsed;
  if (!parsed)
    return {
      ...valueSpan(address),
      message: refusedAtDefine(M.notIp({ value: address.value }), `Invalid address '${address.value}' in network '${name}'`),
    };
  const family = familyAttribute?.value;
  if (family !== undefined && family !== 'ipv4' && family !== 'ipv6')
    return {
      ...valueSpan(familyAttribute!),
      message: refusedAtDefine(M.familyUnknown({ family }), `Unrecognized family '${family}' in network '${name}'`),
      fixes: (context) => [
        {
          title: M.changeFamily({ family: parsed.family }),
          edits: [setAttribute(element, 'family', parsed.family, context)],
          preferred: true,
        },
      ],
    };
  if (family === 'ipv6' && parsed.family === 'ipv4')
    return {
      ...valueSpan(familyAttribute!),
      message: refusedAtDefine(
        M.ipv6FamilyOfIpv4({ address: address.value }),
        `Family 'ipv6' specified for non-IPv6 address '${address.value}' in network '${name}'`,
      ),
      fixes: (context) => [{ title: M.removeFamily(), edits: [removeAttribute(element, familyAttribute!, context)], preferred: true }],
    };
  if (family === 'ipv4' && parsed.family === 'ipv6')
    return {
      ...valueSpan(familyAttribute!),
      message: refusedAtDefine(
        M.ipv4FamilyOfIpv6({ address: address.value }),
        `ipv4 family specified for non-IPv4 address '${address.value}' in network '${name}'`,
      ),
      fixes: (context) => [
        { title: M.changeFamily({ family: 'ipv6' }), edits: [setAttribute(element, 'family', 'ipv6', context)], preferred: true },
      ],
    };
  if (family === undefined && parsed.family === 'ipv6')
    return {
      ...nameSpan(element),
      message: refusedAtDefine(
        M.ipv6WithoutFamily({ address: address.value }),
        `no family specified for non-IPv4 address '${address.value}' in network '${name}'`,
      ),
      fixes: (context) => [{ title: M.addFamilyIpv6(), edits: [setAttribute(element, 'family', 'ipv6', context)], preferred: true }],
    };
  // prefix='0' is no prefix to libvirt.
  const prefixValue = prefix?.value.trim();
  const hasPrefix = prefix !== undefined && prefixValue !== '0';
  if (netmask && hasPrefix)
    return {
      ...nameSpan(element),
      message: refusedAtDefine(M.netmaskAndPrefix(), `Network '${name}' IP address cannot have both a prefix and a netmask`),
      fixes: (context) => [
        { title: M.removeAttribute({ attribute: 'prefix' }), edits: [removeAttribute(element, prefix!, context)], preferred: true },
        { title: M.removeAttribute({ attribute: 'netmask' }), edits: [removeAttribute(element, netmask, context)] },
      ],
    };
  if (prefix && prefixValue !== undefined) {
    if (!/^\d+$/.test(prefixValue))
      return {
        ...valueSpan(prefix),
        message: refusedAtDefine(
          M.prefixNotNumber({ prefix: prefix.value }),
          `Invalid value for attribute 'prefix' in element 'ip': '${prefix.value}'. Expected non-negative integer value`,
        ),
      };
    if (Number(prefixValue) > addressBits(parsed.family)) {
      const v = parsed.family === 'ipv4' ? 'IPv4' : 'IPv6';
      return {
        ...valueSpan(prefix),
        message: refusedAtDefine(M.prefixBits({ bits: prefixValue }), `Invalid ${v} prefix '${prefixValue}' in network '${name}'`),
      };
    }
  }
  if (netmask) {
    if (parsed.family === 'ipv6')
      return {
        ...nameSpan(element),
        message: refusedAtDefine(M.netmaskForIpv6(), `netmask not allowed for IPv6 address '${address.value}' in network '${name}'`),
        fixes: (context) => [{ title: M.removeNetmaskUsePrefix(), edits: [removeAttribute(element, netmask, context)], preferred: true }],
      };
    const mask = parseIp(netmask.value);
    if (!mask)
      return {
        ...valueSpan(netmask),
        message: refusedAtDefine(M.notNetmask({ value: netmask.value }), `Invalid netmask '${netmask.value}' in network '${name}'`),
      };
    if (mask.family !== 'ipv4')
      return {
        ...valueSpan(netmask),
        message: refusedAtDefine(
          M.ipv6Netmask({ netmask: netmask.value }),
          `Invalid netmask '${netmask.value}' for address '${address.value}' in network '${name}' (both must be IPv4)`,
        ),
      };
    if (prefixOfNetmask(mask.value, 'ipv4') === undefined) {
      const range = ip.ranges[0];
      return {
        ...valueSpan(netmask),
        message: range
          ? refusedAtDefine(
              M.netmaskNotContiguous({ netmask: netmask.value }),
              `bad prefix -1 for network ${address.value} when  checking range ${range.attributes.find((a) => a.name === 'start')?.value ?? ''} - ${range.attributes.find((a) => a.name === 'end')?.value ?? ''}`,
            )
          : refusedAtStart(M.netmaskNotContiguous({ netmask: netmask.value }), `bridge '${bridge}' has an invalid netmask or IP address`),
      };
    }
    return undefined;
  }
  if (!hasPrefix && parsed.family === 'ipv4') {
    const classful = classfulPrefix(parsed.value);
    if (classful === undefined)
      return {
        ...nameSpan(element),
        message: refusedAtStart(M.noClass({ address: address.value }), `bridge '${bridge}' has an invalid netmask or IP address`),
      };
    // A class C address's /24 is what people mean; 10.x as /8 and 172.16.x as /16 rarely are.
    if (classful === 24) return undefined;
    return {
      ...nameSpan(element),
      severity: 'warning',
      message: M.classfulPrefix({ prefix: classful, address: address.value }),
      fixes: (context) => [
        { title: M.addPrefix({ prefix: '24' }), edits: [setAttribute(element, 'prefix', '24', context)], preferred: true },
        { title: M.addClassPrefix({ prefix: classful }), edits: [setAttribute(element, 'prefix', String(classful), context)] },
      ],
    };
  }
  return undefined;
}
