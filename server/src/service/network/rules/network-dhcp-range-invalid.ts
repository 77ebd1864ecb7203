import { messages } from '../../../l10n/message';
import { setAttribute } from '../../edits/xmlEdits';
import type { DocumentFixContext } from '../../languageTypes';
import { NETWORK_DOCS } from '../../libvirtDocs';
import type { Rule } from '../../rules/rule';
import { attribute, nameSpan, valueSpan } from '../../xml/xmlTree';
import { readRange } from '../dhcpRanges';
import { networkName, refusedAtDefine } from '../networkMessages';
import type { NetworkModel } from '../networkModel';

const M = messages('network-dhcp-range-invalid', {
  noAttribute: 'The DHCP range has no {attribute}=',
  notIp: "'{value}' is not an IP address",
  mixesFamilies: 'The DHCP range mixes address families',
  endsBeforeStart: 'The DHCP range ends before it starts',
  swap: 'Swap start and end',
  tooLarge: 'The DHCP range is larger than libvirt allows',
});

export const networkDhcpRangeInvalid: Rule<NetworkModel, DocumentFixContext> = {
  id: 'network-dhcp-range-invalid',
  severity: 'error',
  title: 'A DHCP range without start= or end=, with a malformed address, of the wrong family, reversed or too large',
  explanation:
    'libvirt refuses a <dhcp><range> that lacks start= or end=, whose addresses it cannot parse, whose ends are of ' +
    'another address family than each other or than the <ip>, whose end comes before its start, or that spans more ' +
    'than 65535 addresses (its ends must agree in all but the last 16 bits).',
  docs: NETWORK_DOCS.addressing,
  check({ model, report }) {
    const name = networkName(model);
    for (const ip of model.ips) {
      for (const element of ip.ranges) {
        const { problem, start, end } = readRange(ip, element);
        if (!problem) continue;
        switch (problem.kind) {
          case 'missing':
            report({
              ...nameSpan(element),
              message: refusedAtDefine(
                M.noAttribute({ attribute: problem.attribute }),
                `Missing '${problem.attribute}' attribute in dhcp range for network '${name}'`,
              ),
            });
            break;
          case 'malformed':
            report({
              ...valueSpan(problem.attribute),
              message: refusedAtDefine(
                M.notIp({ value: problem.attribute.value }),
                `Cannot parse socket address '${problem.attribute.value}': Name or service not known`,
              ),
            });
            break;
          case 'family':
            report({ ...nameSpan(element), message: refusedAtDefine(M.mixesFamilies(), problem.says) });
            break;
          case 'reversed': {
            const startAttribute = attribute(element, 'start')!;
            const endAttribute = attribute(element, 'end')!;
            report({
              ...nameSpan(element),
              message: refusedAtDefine(M.endsBeforeStart(), problem.says),
              fixes: (context) =>
                start && end
                  ? [
                      {
                        title: M.swap(),
                        edits: [
                          setAttribute(element, 'start', endAttribute.value, context),
                          setAttribute(element, 'end', startAttribute.value, context),
                        ],
                        preferred: true,
                      },
                    ]
                  : [],
            });
            break;
          }
          case 'too-large':
            report({ ...nameSpan(element), message: refusedAtDefine(M.tooLarge(), problem.says) });
            break;
        }
      }
    }
  },
};
