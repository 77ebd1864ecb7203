// The networks, pools and volumes of libvirt 9.0's tests kept in test/corpus/libvirt-9.0.0, with what a real
// libvirtd 9.0 does with each that it refuses (found on this machine: test/libvirt/kindsCorpus.test.ts keeps it so).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Refusal {
  /** A substring of libvirt's message. */
  readonly says: string;
  /** The rule that reports it as an error; undefined where the linter can't know (say why in `why`). */
  readonly rule?: string;
  readonly why?: string;
}

export interface KindCorpus {
  readonly kind: 'network' | 'pool' | 'volume';
  readonly dir: string;
  readonly refused: Readonly<Record<string, Refusal>>;
  /** Files this machine's libvirtd cannot decide (a backend or secret it lacks): their reason. */
  readonly undecidable?: Readonly<Record<string, string>>;
}

const ROOT = join(__dirname, '..', 'corpus', 'libvirt-9.0.0');

const MISSING_BACKEND = 'the pool type is not compiled into Debian 12 libvirtd (missing backend)';
const NO_SECRET = 'the volume names a libvirt secret this host does not have';

export const KIND_CORPUS: readonly KindCorpus[] = [
  {
    kind: 'network',
    dir: 'networkxml2xmlin',
    refused: {
      'open-network-with-forward-dev.xml': { says: 'forward dev not allowed for network', rule: 'network-forward-mode-mismatch' },
      'passthrough-pf.xml': { says: 'Unsupported <ip> element in network', rule: 'network-forward-mode-mismatch' },
      'passthrough-address-crash.xml': { says: 'but lists a device by PCI address', rule: 'network-forward-mode-mismatch' },
      'hostdev-duplicate.xml': { says: 'can only be listed once in network', rule: 'network-forward-mode-mismatch' },
      'passthrough-duplicate.xml': { says: "interface 'eth3' can only be listed once", rule: 'network-forward-mode-mismatch' },
      'routed-network-no-dns-extra-elements.xml': { says: 'Extra data in disabled network', rule: 'network-dns-invalid' },
      '8021Qbh-net.xml': {
        says: "whose type doesn't support vlan configuration",
        why: 'vlan rules (portgroups, virtualports) are not checked yet',
      },
      'openvswitch-net.xml': {
        says: "whose type doesn't support vlan configuration",
        why: 'vlan rules (portgroups, virtualports) are not checked yet',
      },
      'hostdev.xml': { says: "device '/sys/bus/pci/devices/0000:03:00.1'", why: 'the PCI devices must be SR-IOV VFs on the defining host' },
    },
  },
  {
    kind: 'pool',
    dir: 'storagepoolxml2xmlin',
    refused: {},
    undecidable: Object.fromEntries(
      [
        'pool-gluster.xml',
        'pool-gluster-sub.xml',
        'pool-iscsi-direct.xml',
        'pool-iscsi-direct-auth.xml',
        'pool-rbd.xml',
        'pool-rbd-ipv6.xml',
        'pool-rbd-refresh-volume-allocation.xml',
        'pool-rbd-ns-configopts.xml',
        'pool-vstorage.xml',
        'pool-zfs.xml',
        'pool-zfs-sourcedev.xml',
      ].map((name) => [name, MISSING_BACKEND]),
    ),
  },
  {
    kind: 'volume',
    dir: 'storagevolxml2xmlin',
    refused: {
      'vol-file-backing.xml': { says: 'backing storage not supported for raw volumes', rule: 'volume-option-unsupported' },
      'vol-logical-backing.xml': { says: 'backing storage not supported for raw volumes', rule: 'volume-option-unsupported' },
      'vol-partition.xml': { says: 'unknown volume format type none', rule: 'volume-format-invalid' },
      'vol-qcow2-0.10-lazy.xml': { says: 'lazy_refcounts not supported with compat level 0.10', rule: 'volume-option-unsupported' },
      'vol-qcow2-nocapacity.xml': { says: 'missing capacity element', rule: 'required-part-missing' },
      // Here libvirt stops at the secret this host lacks; with it, at "creation of qcow2 encrypted image is not supported".
      'vol-qcow2-encryption.xml': { says: 'Secret not found', rule: 'volume-option-unsupported' },
    },
    undecidable: Object.fromEntries(
      ['vol-luks.xml', 'vol-luks-cipher.xml', 'vol-luks-convert.xml', 'vol-qcow2-luks.xml', 'vol-qcow2-luks-convert.xml'].map((name) => [
        name,
        NO_SECRET,
      ]),
    ),
  },
];

export function kindCorpusFiles(corpus: KindCorpus): Array<{ name: string; path: string; text: string }> {
  const dir = join(ROOT, corpus.dir);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.xml'))
    .sort()
    .map((name) => ({ name, path: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));
}
