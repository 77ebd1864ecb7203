// Completion and hover for network XML: short documentation of its elements and attributes (written for this
// extension, each with the section of libvirt's formatnetwork page), and the values people usually write.

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

const DOCS: Record<string, readonly [string, keyof typeof S]> = {
  network: ['The root of a virtual network definition (`virsh net-define`, `/etc/libvirt/qemu/networks/`).', 'general'],
  'network/name': ["The network's name, unique on the host: what `<interface type='network'><source network=…>` names.", 'general'],
  'network/uuid': ['A globally unique id; libvirt makes one when it is left out.', 'general'],
  bridge: [
    "The host bridge the network creates (or, with `forward mode='bridge'`, an existing bridge to use). Its name is at most 15 characters.",
    'connectivity',
  ],
  'bridge@name': ["The bridge device name, e.g. `virbr1`: at most 15 characters (the kernel's limit).", 'connectivity'],
  'bridge@stp': ['Spanning Tree Protocol on the bridge (`on` by default).', 'connectivity'],
  'bridge@delay': ["The bridge's forward delay in seconds.", 'connectivity'],
  mtu: ["The MTU of the bridge and of the guests' tap devices.", 'connectivity'],
  'network/domain': ["The DNS domain of the DHCP server; `localOnly='yes'` answers its names only from the network.", 'connectivity'],
  forward: [
    'How the network reaches the outside: `nat` (default when `<forward>` has no mode), `route`, `open`, `bridge`, `private`, `vepa`, `passthrough`, `hostdev`. Without `<forward>` the network is isolated.',
    'connectivity',
  ],
  'forward@mode': [
    '`nat` masquerades guests behind the host; `route` routes without NAT; `open` adds no firewall rules; `bridge` uses an existing host bridge or macvtap; `private`/`vepa`/`passthrough` are macvtap modes; `hostdev` assigns SR-IOV VFs.',
    'connectivity',
  ],
  'forward@dev': ['The host interface traffic leaves through (with nat or route: only that one).', 'connectivity'],
  'forward/interface': ['A host interface of a macvtap/bridge forward pool (one per guest in passthrough mode).', 'connectivity'],
  'forward/pf': ['The SR-IOV physical function whose virtual functions the network hands out.', 'connectivity'],
  'forward/nat': ['The address and port ranges used for NAT.', 'connectivity'],
  'nat/address': ['The range of public IPv4 addresses NAT may use.', 'connectivity'],
  'nat/port': ['The range of source ports NAT may use (default 1024–65535).', 'connectivity'],
  bandwidth: ['Inbound and outbound traffic shaping of the whole network.', 'qos'],
  vlan: ['VLAN tags for the network (openvswitch, hostdev/SR-IOV only).', 'vlan'],
  portgroup: ['A named set of settings (VLAN, bandwidth, virtualport) a guest interface may pick with `portgroup=`.', 'portgroups'],
  route: ['A static route the host adds when the network starts.', 'routes'],
  'network/mac': ['The MAC address of the bridge device.', 'addressing'],
  dns: ['The DNS server dnsmasq provides on the network: hosts, TXT and SRV records, forwarders.', 'addressing'],
  'dns/host': ['A name → address record; `ip` is required.', 'addressing'],
  'dns/forwarder': ['Where DNS queries are forwarded (`addr`) — or, with `domain`, only queries for that domain.', 'addressing'],
  ip: [
    "An address of the host on the network (the guests' gateway), with `netmask` or `prefix`; its `<dhcp>` hands out addresses. One IPv4 and one IPv6 `<ip>` may have `<dhcp>`.",
    'addressing',
  ],
  'ip@address': ["The host's address on the network, e.g. `192.168.100.1`.", 'addressing'],
  'ip@netmask': ['The IPv4 netmask (e.g. `255.255.255.0`); give this or `prefix`, not both.', 'addressing'],
  'ip@prefix': ['The prefix length (24 for IPv4 /24, 64 for IPv6); give this or `netmask`, not both.', 'addressing'],
  'ip@family': ['`ipv4` (default) or `ipv6`.', 'addressing'],
  dhcp: ['DHCP service on this subnet: address ranges, static hosts, a boot server.', 'addressing'],
  'dhcp/range': ['Addresses DHCP hands out, from `start` to `end`, entirely inside the `<ip>` subnet.', 'addressing'],
  'dhcp/host': ['A static lease: `mac` (IPv4) or `id`/`name` with an `ip` inside the subnet.', 'addressing'],
  'dhcp/bootp': ['The boot file (and server) DHCP announces for network boot.', 'addressing'],
  tftp: ['A TFTP server on the host for network boot (`root` is the directory it serves).', 'addressing'],
  lease: ['The lease time of DHCP addresses (`expiry` with `unit`; 0 for infinite).', 'addressing'],
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
