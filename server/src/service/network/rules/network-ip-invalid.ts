import { removeAttribute, setAttribute } from '../../edits/xmlEdits';
import type { DocumentFixContext } from '../../languageTypes';
import { NETWORK_DOCS } from '../../libvirtDocs';
import type { Problem, Rule } from '../../rules/rule';
import { attributeValue, nameSpan, valueSpan } from '../../xml/xmlTree';
import { addressBits, parseIp, prefixOfNetmask } from '../ipAddress';
import { networkName, refusedAtDefine, refusedAtStart } from '../networkMessages';
import { classfulPrefix, familyOf, type NetworkIp, type NetworkModel } from '../networkModel';

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
            `A second ${family === 'ipv4' ? 'IPv4' : 'IPv6'} <ip> with DHCP`,
            `Multiple ${family === 'ipv4' ? 'IPv4' : 'IPv6'} dhcp sections found -- dhcp is supported only for a single ${family === 'ipv4' ? 'IPv4' : 'IPv6'} address on each network`,
          ),
          related: [{ ...nameSpan(serving[0]!.dhcp!), message: 'The first one' }],
        });
    }
  },
};

function ipProblem(ip: NetworkIp, name: string, bridge: string): Problem<DocumentFixContext> | undefined {
  const { element, address, netmask, prefix, familyAttribute } = ip;
  if (!address)
    return {
      ...nameSpan(element),
      message: refusedAtDefine('The <ip> has no address=', `Missing required address attribute in network '${name}'`),
    };
  const parsed = ip.parsed;
  if (!parsed)
    return {
      ...valueSpan(address),
      message: refusedAtDefine(`'${address.value}' is not an IP address`, `Invalid address '${address.value}' in network '${name}'`),
    };
  const family = familyAttribute?.value;
  if (family !== undefined && family !== 'ipv4' && family !== 'ipv6')
    return {
      ...valueSpan(familyAttribute!),
      message: refusedAtDefine(`family='${family}' is neither ipv4 nor ipv6`, `Unrecognized family '${family}' in network '${name}'`),
      fixes: (context) => [
        { title: `Change to family='${parsed.family}'`, edits: [setAttribute(element, 'family', parsed.family, context)], preferred: true },
      ],
    };
  if (family === 'ipv6' && parsed.family === 'ipv4')
    return {
      ...valueSpan(familyAttribute!),
      message: refusedAtDefine(
        `family='ipv6' with the IPv4 address ${address.value}`,
        `Family 'ipv6' specified for non-IPv6 address '${address.value}' in network '${name}'`,
      ),
      fixes: (context) => [
        { title: 'Remove family= (IPv4)', edits: [removeAttribute(element, familyAttribute!, context)], preferred: true },
      ],
    };
  if (family === 'ipv4' && parsed.family === 'ipv6')
    return {
      ...valueSpan(familyAttribute!),
      message: refusedAtDefine(
        `family='ipv4' with the IPv6 address ${address.value}`,
        `ipv4 family specified for non-IPv4 address '${address.value}' in network '${name}'`,
      ),
      fixes: (context) => [
        { title: "Change to family='ipv6'", edits: [setAttribute(element, 'family', 'ipv6', context)], preferred: true },
      ],
    };
  if (family === undefined && parsed.family === 'ipv6')
    return {
      ...nameSpan(element),
      message: refusedAtDefine(
        `The IPv6 address ${address.value} without family='ipv6'`,
        `no family specified for non-IPv4 address '${address.value}' in network '${name}'`,
      ),
      fixes: (context) => [{ title: "Add family='ipv6'", edits: [setAttribute(element, 'family', 'ipv6', context)], preferred: true }],
    };
  // prefix='0' is no prefix to libvirt.
  const prefixValue = prefix?.value.trim();
  const hasPrefix = prefix !== undefined && prefixValue !== '0';
  if (netmask && hasPrefix)
    return {
      ...nameSpan(element),
      message: refusedAtDefine('Both netmask= and prefix=', `Network '${name}' IP address cannot have both a prefix and a netmask`),
      fixes: (context) => [
        { title: 'Remove prefix=', edits: [removeAttribute(element, prefix!, context)], preferred: true },
        { title: 'Remove netmask=', edits: [removeAttribute(element, netmask, context)] },
      ],
    };
  if (prefix && prefixValue !== undefined) {
    if (!/^\d+$/.test(prefixValue))
      return {
        ...valueSpan(prefix),
        message: refusedAtDefine(
          `prefix='${prefix.value}' is not a number`,
          `Invalid value for attribute 'prefix' in element 'ip': '${prefix.value}'. Expected non-negative integer value`,
        ),
      };
    if (Number(prefixValue) > addressBits(parsed.family)) {
      const v = parsed.family === 'ipv4' ? 'IPv4' : 'IPv6';
      return {
        ...valueSpan(prefix),
        message: refusedAtDefine(`A prefix of ${prefixValue} bits`, `Invalid ${v} prefix '${prefixValue}' in network '${name}'`),
      };
    }
  }
  if (netmask) {
    if (parsed.family === 'ipv6')
      return {
        ...nameSpan(element),
        message: refusedAtDefine(
          'A netmask= for an IPv6 address',
          `netmask not allowed for IPv6 address '${address.value}' in network '${name}'`,
        ),
        fixes: (context) => [
          { title: 'Remove netmask= (use prefix=)', edits: [removeAttribute(element, netmask, context)], preferred: true },
        ],
      };
    const mask = parseIp(netmask.value);
    if (!mask)
      return {
        ...valueSpan(netmask),
        message: refusedAtDefine(`'${netmask.value}' is not a netmask`, `Invalid netmask '${netmask.value}' in network '${name}'`),
      };
    if (mask.family !== 'ipv4')
      return {
        ...valueSpan(netmask),
        message: refusedAtDefine(
          `The IPv6 netmask '${netmask.value}' for an IPv4 address`,
          `Invalid netmask '${netmask.value}' for address '${address.value}' in network '${name}' (both must be IPv4)`,
        ),
      };
    if (prefixOfNetmask(mask.value, 'ipv4') === undefined) {
      const range = ip.ranges[0];
      return {
        ...valueSpan(netmask),
        message: range
          ? refusedAtDefine(
              `The netmask ${netmask.value} is not contiguous`,
              `bad prefix -1 for network ${address.value} when  checking range ${range.attributes.find((a) => a.name === 'start')?.value ?? ''} - ${range.attributes.find((a) => a.name === 'end')?.value ?? ''}`,
            )
          : refusedAtStart(`The netmask ${netmask.value} is not contiguous`, `bridge '${bridge}' has an invalid netmask or IP address`),
      };
    }
    return undefined;
  }
  if (!hasPrefix && parsed.family === 'ipv4') {
    const classful = classfulPrefix(parsed.value);
    if (classful === undefined)
      return {
        ...nameSpan(element),
        message: refusedAtStart(
          `${address.value} has no netmask= or prefix=, and no address class to take one from`,
          `bridge '${bridge}' has an invalid netmask or IP address`,
        ),
      };
    // A class C address's /24 is what people mean; 10.x as /8 and 172.16.x as /16 rarely are.
    if (classful === 24) return undefined;
    return {
      ...nameSpan(element),
      severity: 'warning',
      message: `The <ip> has no netmask= or prefix=: libvirt uses the prefix of the address's class, /${classful} (${address.value}/${classful}), and the DHCP ranges and routes are checked against it.`,
      fixes: (context) => [
        { title: "Add prefix='24'", edits: [setAttribute(element, 'prefix', '24', context)], preferred: true },
        { title: `Add prefix='${classful}' (keep the class's)`, edits: [setAttribute(element, 'prefix', String(classful), context)] },
      ],
    };
  }
  return undefined;
}
