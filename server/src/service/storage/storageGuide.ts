// Completion and hover for storage pool and volume XML: short documentation of their elements and attributes
// (written for this extension, each with the section of libvirt's formatstorage page), and the usual values.

import { formatStorageSection } from '../libvirtDocs';
import { storagePoolSchema, storageVolSchema } from '../schema/libvirtSchema';
import { docLookup, type SchemaGuide } from '../schema/schemaGuide';

const S = {
  pool: 'Storage pool general metadata',
  source: 'Source elements',
  target: 'Storage pool target elements',
  volume: 'Storage volume general metadata',
  volumeTarget: 'Storage volume target elements',
  backing: 'Backing store elements',
} as const;

const POOL_DOCS: Record<string, readonly [string, keyof typeof S]> = {
  pool: [
    'The root of a storage pool definition (`virsh pool-define`). `type` is where the storage is: `dir`, `fs`, `netfs` (NFS), `logical` (LVM), `disk`, `iscsi`, `iscsi-direct`, `scsi`, `mpath`, `rbd`, `gluster`, `zfs`, `vstorage`.',
    'pool',
  ],
  'pool@type': [
    "The pool's backend: `dir`, `fs`, `netfs`, `logical`, `disk`, `iscsi`, `iscsi-direct`, `scsi`, `mpath`, `rbd`, `gluster`, `zfs`, `vstorage`.",
    'pool',
  ],
  'pool/name': ["The pool's name, unique on the host: what a disk's `<source pool=…>` names.", 'pool'],
  'pool/uuid': ['A globally unique id; libvirt makes one when it is left out.', 'pool'],
  'pool/capacity': ["Filled in by libvirt (the pool's size); ignored on define.", 'pool'],
  'pool/allocation': ['Filled in by libvirt (what volumes use); ignored on define.', 'pool'],
  'pool/available': ['Filled in by libvirt (free space); ignored on define.', 'pool'],
  'pool/source': ["Where the pool's storage comes from: a device, a directory on a host, an adapter, a volume group name…", 'source'],
  'source/device': ["A block device of the pool (`fs`, `logical`, `disk`) or the iSCSI target's IQN (`iscsi`).", 'source'],
  'source/dir': ['The directory exported by the host (`netfs`) or the path within the gluster volume.', 'source'],
  'source/host': ['The storage server (`netfs`, `iscsi`, `rbd`, `gluster`), with an optional `port`.', 'source'],
  'source/adapter': ['The SCSI host adapter (`scsi` pools): `name` or a `parentaddr`, or an fc_host by WWNN/WWPN.', 'source'],
  'source/name': ['The volume group (`logical`), the RBD pool, the gluster volume or the ZFS pool.', 'source'],
  'source/format': ['The filesystem (`fs`, `netfs`: e.g. `ext4`, `nfs`, `cifs`), partition table (`disk`) or `lvm2`.', 'source'],
  'source/auth': ['Credentials (CHAP for iSCSI, ceph for RBD), as a libvirt secret.', 'source'],
  'source/initiator': ['The iSCSI initiator IQN to log in with.', 'source'],
  'pool/target': ['Where the pool appears on the host: its `<path>` and the permissions of what it creates.', 'target'],
  'target/path': [
    'The directory the pool is in (`dir`, and where `fs`/`netfs` mount), or where its devices appear (`/dev/VG`, `/dev/disk/by-path`).',
    'target',
  ],
  permissions: ['The mode, owner, group and SELinux label of what the pool or volume creates.', 'target'],
  'permissions/mode': ['An octal mode, e.g. `0755`.', 'target'],
  'permissions/owner': ['A numeric user id.', 'target'],
  'permissions/group': ['A numeric group id.', 'target'],
};

const VOLUME_DOCS: Record<string, readonly [string, keyof typeof S]> = {
  volume: ['The root of a storage volume definition (`virsh vol-create POOL FILE`).', 'volume'],
  'volume/name': ["The volume's name, unique in its pool (for a dir pool, the file name).", 'volume'],
  'volume/key': ["Filled in by libvirt (the volume's unique key); ignored on create.", 'volume'],
  'volume/capacity': ["The volume's size as the guest sees it (`unit` defaults to bytes). Required.", 'volume'],
  'volume/allocation': ['How much to allocate now (0 for a sparse file); at most the capacity.', 'volume'],
  'volume/physical': ['Filled in by libvirt; ignored on create.', 'volume'],
  'volume/target': ["The volume's format, permissions, encryption and compatibility level.", 'volumeTarget'],
  'volume/target/format': [
    'The image format: `raw`, `qcow2`, `qed`, `vmdk`… (dir/fs/netfs pools); other pools have their own.',
    'volumeTarget',
  ],
  'target/compat': ['The qcow2 compatibility level: `0.10` or `1.1` (needed for lazy refcounts).', 'volumeTarget'],
  'target/features': ['qcow2 features, e.g. `<lazy_refcounts/>` (with compat 1.1).', 'volumeTarget'],
  'target/nocow': ['Turns off copy-on-write on btrfs for the image file.', 'volumeTarget'],
  encryption: ['Encryption of the volume (`luks`), with its secret.', 'volumeTarget'],
  backingStore: ['The image this one is a copy-on-write overlay of: its `<path>` and `<format>`.', 'backing'],
  'backingStore/path': ["The backing image's path.", 'backing'],
  'backingStore/format': ["The backing image's format (`raw`, `qcow2`…).", 'backing'],
  permissions: ["The mode, owner, group and SELinux label of the volume's file.", 'volumeTarget'],
};

const sectionUrl = (section: keyof typeof S) => formatStorageSection(S[section]);

export const STORAGE_POOL_GUIDE: SchemaGuide = {
  schema: storagePoolSchema,
  docFor: docLookup(POOL_DOCS, sectionUrl),
  usual: {
    typical: { pool: ['type'], 'source/host': ['name'], 'source/format': ['type'], 'source/device': ['path'], 'source/dir': ['path'] },
    suggested: {},
    preferred: { 'pool@type': 'dir' },
  },
};

export const STORAGE_VOLUME_GUIDE: SchemaGuide = {
  schema: storageVolSchema,
  docFor: docLookup(VOLUME_DOCS, sectionUrl),
  usual: {
    typical: { capacity: ['unit'], allocation: ['unit'], format: ['type'] },
    suggested: { unit: ['G', 'GiB', 'M', 'MiB', 'T', 'bytes'], 'format@type': ['qcow2', 'raw'] },
    preferred: { 'capacity@unit': 'G', 'allocation@unit': 'G', 'format@type': 'qcow2' },
  },
};
