// The network rules, in the order their diagnostics are listed. Rule ids are public interface: never rename one.

import type { DocumentFixContext, DocumentModel } from '../../languageTypes';
import { NETWORK_DOCS } from '../../libvirtDocs';
import type { Rule } from '../../rules/rule';
import { schemaRule } from '../../rules/schema';
import { xmlSyntax } from '../../rules/xml-syntax';
import { networkSchema } from '../../schema/libvirtSchema';
import { networkBridgeNameTooLong } from './network-bridge-name-too-long';
import { networkDhcpHostDuplicate } from './network-dhcp-host-duplicate';
import { networkDhcpHostInvalid } from './network-dhcp-host-invalid';
import { networkDhcpHostOutsideSubnet } from './network-dhcp-host-outside-subnet';
import { networkDhcpRangeInvalid } from './network-dhcp-range-invalid';
import { networkDhcpRangeOutsideSubnet } from './network-dhcp-range-outside-subnet';
import { networkDhcpRangesOverlap } from './network-dhcp-ranges-overlap';
import { networkDnsInvalid } from './network-dns-invalid';
import { networkForwardModeMismatch } from './network-forward-mode-mismatch';
import { networkIpInvalid } from './network-ip-invalid';
import { networkRequiredParts } from './required-parts';

/**
 * The network's schema rule. net-define does not validate against network.rng: a value outside the schema is an
 * error only where its parser was seen to refuse it (libvirt 9.0), else a warning (stp='maybe' is taken as on).
 */
const networkSchemaRule = schemaRule({
  schema: networkSchema,
  label: 'network',
  docs: NETWORK_DOCS.overview,
  // Values the network rules check more precisely.
  ownedAttributes: new Map([
    ['ip', new Set(['address', 'netmask', 'prefix', 'family'])],
    ['range', new Set(['start', 'end'])],
    ['host', new Set(['mac', 'ip', 'id', 'name'])],
  ]),
  refusedValues: new Set([
    'forward@mode',
    'ip@localPtr',
    'lease@unit',
    'lease@expiry',
    'dns@enable',
    'dns@forwardPlainNames',
    'domain@localOnly',
    'nat@ipv6',
    'network@ipv6',
    'network@trustGuestRxFilters',
    'port@isolated',
    'bridge@macTableManager',
    'bridge@delay',
  ]),
});

export const NETWORK_RULES: readonly Rule<DocumentModel, DocumentFixContext>[] = [
  xmlSyntax,
  networkRequiredParts,
  networkIpInvalid,
  networkDhcpRangeOutsideSubnet,
  networkDhcpRangeInvalid,
  networkDhcpRangesOverlap,
  networkDhcpHostInvalid,
  networkDhcpHostOutsideSubnet,
  networkDhcpHostDuplicate,
  networkBridgeNameTooLong,
  networkForwardModeMismatch,
  networkDnsInvalid,
  networkSchemaRule,
];
