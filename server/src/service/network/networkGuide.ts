// Completion and hover for network XML: short documentation of its elements and attributes (written for this
// extension, each with the section of libvirt's formatnetwork page), and the values people usually write.

import { type Message, messages } from '../../l10n/message';
import { formatNetworkSection } from '../libvirtDocs';
import { networkSchema } from '../schema/libvirtSchema';
import { docLookup, type SchemaGuide } from '../schema/schemaGuide';

const S = {
  general: 'General metadata',
  connectivity: 'Connectivity',
  qos: 'Quality of service',
  vlan: 'Setting VLAN tag (on supported network types only)',
  portgroups: 'Portgroups',
  routes: 'Static Routes',
  addressing: 'Addressing',
  namespaces: 'Network namespaces',
} as const;

const M = messages('network-guide', {
  network: 'The root of a virtual network definition (`virsh net-define`, `/etc/libvirt/qemu/networks/`).',
  networkName: "The network's name, unique on the host: what `<interface type='network'><source network=…>` names.",
  networkUuid: 'A globally unique id; libvirt makes one when it is left out.',
  bridge:
    "The host bridge the network creates (or, with `forward mode='bridge'`, an existing bridge to use). Its name is at most 15 characters.",
  bridgeName: "The bridge device name, e.g. `virbr1`: at most 15 characters (the kernel's limit).",
  bridgeStp: 'Spanning Tree Protocol on the bridge (`on` by default).',
  bridgeDelay: "The bridge's forward delay in seconds.",
  mtu: "The MTU of the bridge and of the guests' tap devices.",
  networkDomain: "The DNS domain of the DHCP server; `localOnly='yes'` answers its names only from the network.",
  forward:
    'How the network reaches the outside: `nat` (default when `<forward>` has no mode), `route`, `open`, `bridge`, `private`, `vepa`, `passthrough`, `hostdev`. Without `<forward>` the network is isolated.',
  forwardMode:
    '`nat` masquerades guests behind the host; `route` routes without NAT; `open` adds no firewall rules; `bridge` uses an existing host bridge or macvtap; `private`/`vepa`/`passthrough` are macvtap modes; `hostdev` assigns SR-IOV VFs.',
  forwardDev: 'The host interface traffic leaves through (with nat or route: only that one).',
  forwardInterface: 'A host interface of a macvtap/bridge forward pool (one per guest in passthrough mode).',
  forwardPf: 'The SR-IOV physical function whose virtual functions the network hands out.',
  forwardNat: 'The address and port ranges used for NAT.',
  natAddress: 'The range of public IPv4 addresses NAT may use.',
  natPort: 'The range of source ports NAT may use (default 1024–65535).',
  bandwidth: 'Inbound and outbound traffic shaping of the whole network.',
  vlan: 'VLAN tags for the network (openvswitch, hostdev/SR-IOV only).',
  portgroup: 'A named set of settings (VLAN, bandwidth, virtualport) a guest interface may pick with `portgroup=`.',
  route: 'A static route the host adds when the network starts.',
  networkMac: 'The MAC address of the bridge device.',
  dns: 'The DNS server dnsmasq provides on the network: hosts, TXT and SRV records, forwarders.',
  dnsHost: 'A name → address record; `ip` is required.',
  dnsForwarder: 'Where DNS queries are forwarded (`addr`) — or, with `domain`, only queries for that domain.',
  ip: "An address of the host on the network (the guests' gateway), with `netmask` or `prefix`; its `<dhcp>` hands out addresses. One IPv4 and one IPv6 `<ip>` may have `<dhcp>`.",
  ipAddress: "The host's address on the network, e.g. `192.168.100.1`.",
  ipNetmask: 'The IPv4 netmask (e.g. `255.255.255.0`); give this or `prefix`, not both.',
  ipPrefix: 'The prefix length (24 for IPv4 /24, 64 for IPv6); give this or `netmask`, not both.',
  ipFamily: '`ipv4` (default) or `ipv6`.',
  dhcp: 'DHCP service on this subnet: address ranges, static hosts, a boot server.',
  dhcpRange: 'Addresses DHCP hands out, from `start` to `end`, entirely inside the `<ip>` subnet.',
  dhcpHost: 'A static lease: `mac` (IPv4) or `id`/`name` with an `ip` inside the subnet.',
  dhcpBootp: 'The boot file (and server) DHCP announces for network boot.',
  tftp: 'A TFTP server on the host for network boot (`root` is the directory it serves).',
  lease: 'The lease time of DHCP addresses (`expiry` with `unit`; 0 for infinite).',
});

const DOCS: Record<string, readonly [Message, keyof typeof S]> = {
  network: [M.network(), 'general'],
  'network/name': [M.networkName(), 'general'],
  'network/uuid': [M.networkUuid(), 'general'],
  bridge: [M.bridge(), 'connectivity'],
  'bridge@name': [M.bridgeName(), 'connectivity'],
  'bridge@stp': [M.bridgeStp(), 'connectivity'],
  'bridge@delay': [M.bridgeDelay(), 'connectivity'],
  mtu: [M.mtu(), 'connectivity'],
  'network/domain': [M.networkDomain(), 'connectivity'],
  forward: [M.forward(), 'connectivity'],
  'forward@mode': [M.forwardMode(), 'connectivity'],
  'forward@dev': [M.forwardDev(), 'connectivity'],
  'forward/interface': [M.forwardInterface(), 'connectivity'],
  'forward/pf': [M.forwardPf(), 'connectivity'],
  'forward/nat': [M.forwardNat(), 'connectivity'],
  'nat/address': [M.natAddress(), 'connectivity'],
  'nat/port': [M.natPort(), 'connectivity'],
  bandwidth: [M.bandwidth(), 'qos'],
  vlan: [M.vlan(), 'vlan'],
  portgroup: [M.portgroup(), 'portgroups'],
  route: [M.route(), 'routes'],
  'network/mac': [M.networkMac(), 'addressing'],
  dns: [M.dns(), 'addressing'],
  'dns/host': [M.dnsHost(), 'addressing'],
  'dns/forwarder': [M.dnsForwarder(), 'addressing'],
  ip: [M.ip(), 'addressing'],
  'ip@address': [M.ipAddress(), 'addressing'],
  'ip@netmask': [M.ipNetmask(), 'addressing'],
  'ip@prefix': [M.ipPrefix(), 'addressing'],
  'ip@family': [M.ipFamily(), 'addressing'],
  dhcp: [M.dhcp(), 'addressing'],
  'dhcp/range': [M.dhcpRange(), 'addressing'],
  'dhcp/host': [M.dhcpHost(), 'addressing'],
  'dhcp/bootp': [M.dhcpBootp(), 'addressing'],
  tftp: [M.tftp(), 'addressing'],
  lease: [M.lease(), 'addressing'],
};

export const NETWORK_GUIDE: SchemaGuide = {
  schema: networkSchema,
  docFor: docLookup(DOCS, (section) => formatNetworkSection(S[section])),
  usual: {
    typical: {
      forward: ['mode'],
      bridge: ['name', 'stp', 'delay'],
      ip: ['address', 'netmask'],
      'dhcp/range': ['start', 'end'],
      'dhcp/host': ['mac', 'name', 'ip'],
    },
    suggested: {
      'ip@netmask': ['255.255.255.0', '255.255.0.0', '255.0.0.0'],
      'ip@prefix': ['24', '16', '64'],
    },
    preferred: { 'forward@mode': 'nat', 'bridge@stp': 'on', 'ip@family': 'ipv4' },
  },
};
