// The static hosts of a network's DHCP, as the rules compare them: MAC (IPv4) or id (IPv6), name, address.

import { attribute, type XmlAttribute, type XmlElement } from '../xml/xmlTree';
import { type IpAddress, parseIp } from './ipAddress';
import { familyOf, type NetworkIp, type NetworkModel } from './networkModel';

export interface DhcpHost {
  readonly element: XmlElement;
  readonly ip: NetworkIp;
  readonly mac: XmlAttribute | undefined;
  readonly id: XmlAttribute | undefined;
  readonly name: XmlAttribute | undefined;
  readonly address: XmlAttribute | undefined;
  readonly parsed: IpAddress | undefined;
}

export function dhcpHosts(model: NetworkModel): DhcpHost[] {
  return model.ips.flatMap((ip) =>
    ip.hosts.map((element) => {
      const address = attribute(element, 'ip');
      return {
        element,
        ip,
        mac: attribute(element, 'mac'),
        id: attribute(element, 'id'),
        name: attribute(element, 'name'),
        address,
        parsed: address ? parseIp(address.value) : undefined,
      };
    }),
  );
}

export function isIpv6Host(host: DhcpHost): boolean {
  return familyOf(host.ip) === 'ipv6';
}
