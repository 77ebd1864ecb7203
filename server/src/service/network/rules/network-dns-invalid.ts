import { messages, type Text } from '../../../l10n/message';
import type { DocumentFixContext } from '../../languageTypes';
import { NETWORK_DOCS } from '../../libvirtDocs';
import type { Problem, Rule } from '../../rules/rule';
import { attributeValue, childrenNamed, firstChild, nameSpan, textOf } from '../../xml/xmlTree';
import { parseIp } from '../ipAddress';
import { networkName, refusedAtDefine } from '../networkMessages';
import type { NetworkModel } from '../networkModel';

const M = messages('network-dns-invalid', {
  recordsWhenDisabled: "Records in a <dns enable='no'>",
  hostWithoutIp: 'A DNS <host> without ip=',
  notIp: "'{value}' is not an IP address",
  hostWithoutHostname: 'A DNS <host> without <hostname>',
  txtWithoutName: 'A TXT record without name=',
  txtNameSpaceOrComma: "The TXT record name '{name}' has a space or comma",
  txtWithoutValue: 'A TXT record without value=',
  srvWithoutService: 'An SRV record without service=',
  srvWithoutProtocol: 'An SRV record without protocol=',
  forwarderWithoutAddrOrDomain: 'A <forwarder> with neither addr= nor domain=',
});

export const networkDnsInvalid: Rule<NetworkModel, DocumentFixContext> = {
  id: 'network-dns-invalid',
  severity: 'error',
  title: 'A network <dns> record libvirt refuses: a host without address or name, a TXT or SRV record without its parts',
  explanation:
    'libvirt refuses a network whose <dns> has records while enable=\'no\' ("Extra data in disabled network"), a ' +
    '<host> without ip= (or with one it cannot parse) or without <hostname>, a <txt> without name= or value= or ' +
    'with a space or comma in its name, an <srv> without service= or protocol=, and a <forwarder> with neither ' +
    'addr= nor domain=.',
  docs: NETWORK_DOCS.addressing,
  check({ model, report }) {
    const dns = firstChild(model.root, 'dns');
    if (!dns) return;
    const name = networkName(model);
    const problems: Problem<DocumentFixContext>[] = [];
    const refuse = (element: Parameters<typeof nameSpan>[0], problem: Text, says: string) =>
      problems.push({ ...nameSpan(element), message: refusedAtDefine(problem, says) });
    if (attributeValue(dns, 'enable') === 'no' && dns.children.length > 0)
      refuse(dns, M.recordsWhenDisabled(), `Extra data in disabled network '${name}'`);
    for (const host of childrenNamed(dns, 'host')) {
      const ip = attributeValue(host, 'ip');
      if (ip === undefined) refuse(host, M.hostWithoutIp(), `Missing IP address in network '${name}' DNS HOST record`);
      else if (!parseIp(ip)) refuse(host, M.notIp({ value: ip }), `Invalid IP address in network '${name}' DNS HOST record`);
      else if (!childrenNamed(host, 'hostname').some((hostname) => textOf(hostname)))
        refuse(host, M.hostWithoutHostname(), `Missing hostname in network '${name}' DNS HOST record`);
    }
    for (const txt of childrenNamed(dns, 'txt')) {
      const txtName = attributeValue(txt, 'name');
      if (txtName === undefined) refuse(txt, M.txtWithoutName(), `missing required name attribute in DNS TXT record of network ${name}`);
      else if (/[ ,]/.test(txtName))
        refuse(
          txt,
          M.txtNameSpaceOrComma({ name: txtName }),
          `prohibited character in DNS TXT record name '${txtName}' of network ${name}`,
        );
      else if (attributeValue(txt, 'value') === undefined)
        refuse(txt, M.txtWithoutValue(), `missing required value attribute in DNS TXT record named '${txtName}' of network ${name}`);
    }
    for (const srv of childrenNamed(dns, 'srv')) {
      const service = attributeValue(srv, 'service');
      if (service === undefined)
        refuse(srv, M.srvWithoutService(), `missing required service attribute in DNS SRV record of network '${name}'`);
      else if (attributeValue(srv, 'protocol') === undefined)
        refuse(srv, M.srvWithoutProtocol(), `missing required protocol attribute in DNS SRV record '${service}' of network '${name}'`);
    }
    for (const forwarder of childrenNamed(dns, 'forwarder')) {
      const addr = attributeValue(forwarder, 'addr');
      if (addr === undefined && attributeValue(forwarder, 'domain') === undefined)
        refuse(forwarder, M.forwarderWithoutAddrOrDomain(), 'Invalid forwarder element, must contain at least one of addr or domain');
      else if (addr !== undefined && !parseIp(addr))
        refuse(forwarder, M.notIp({ value: addr }), `Invalid forwarder IP address '${addr}' in network '${name}'`);
    }
    problems.sort((a, b) => a.start - b.start);
    for (const problem of problems) report(problem);
  },
};
