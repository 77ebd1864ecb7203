// Completion and hover for storage pool and volume XML: short documentation of their elements and attributes
// (written for this extension, each with the section of libvirt's formatstorage page), and the usual values.

import { type Message, messages } from '../../l10n/message';
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

const M = messages('storage-guide', {
  pool: 'The root of a storage pool definition (`virsh pool-define`). `type` is where the storage is: `dir`, `fs`, `netfs` (NFS), `logical` (LVM), `disk`, `iscsi`, `iscsi-direct`, `scsi`, `mpath`, `rbd`, `gluster`, `zfs`, `vstorage`.',
  poolType:
    "The pool's backend: `dir`, `fs`, `netfs`, `logical`, `disk`, `iscsi`, `iscsi-direct`, `scsi`, `mpath`, `rbd`, `gluster`, `zfs`, `vstorage`.",
  poolName: "The pool's name, unique on the host: what a disk's `<source pool=…>` names.",
  poolUuid: 'A globally unique id; libvirt makes one when it is left out.',
  poolCapacity: "Filled in by libvirt (the pool's size); ignored on define.",
  poolAllocation: 'Filled in by libvirt (what volumes use); ignored on define.',
  poolAvailable: 'Filled in by libvirt (free space); ignored on define.',
  poolSource: "Where the pool's storage comes from: a device, a directory on a host, an adapter, a volume group name…",
  sourceDevice: "A block device of the pool (`fs`, `logical`, `disk`) or the iSCSI target's IQN (`iscsi`).",
  sourceDir: 'The directory exported by the host (`netfs`) or the path within the gluster volume.',
  sourceHost: 'The storage server (`netfs`, `iscsi`, `rbd`, `gluster`), with an optional `port`.',
  sourceAdapter: 'The SCSI host adapter (`scsi` pools): `name` or a `parentaddr`, or an fc_host by WWNN/WWPN.',
  sourceName: 'The volume group (`logical`), the RBD pool, the gluster volume or the ZFS pool.',
  sourceFormat: 'The filesystem (`fs`, `netfs`: e.g. `ext4`, `nfs`, `cifs`), partition table (`disk`) or `lvm2`.',
  sourceAuth: 'Credentials (CHAP for iSCSI, ceph for RBD), as a libvirt secret.',
  sourceInitiator: 'The iSCSI initiator IQN to log in with.',
  poolTarget: 'Where the pool appears on the host: its `<path>` and the permissions of what it creates.',
  targetPath:
    'The directory the pool is in (`dir`, and where `fs`/`netfs` mount), or where its devices appear (`/dev/VG`, `/dev/disk/by-path`).',
  permissions: 'The mode, owner, group and SELinux label of what the pool or volume creates.',
  permissionsMode: 'An octal mode, e.g. `0755`.',
  permissionsOwner: 'A numeric user id.',
  permissionsGroup: 'A numeric group id.',
  volume: 'The root of a storage volume definition (`virsh vol-create POOL FILE`).',
  volumeName: "The volume's name, unique in its pool (for a dir pool, the file name).",
  volumeKey: "Filled in by libvirt (the volume's unique key); ignored on create.",
  volumeCapacity: "The volume's size as the guest sees it (`unit` defaults to bytes). Required.",
  volumeAllocation: 'How much to allocate now (0 for a sparse file); at most the capacity.',
  volumePhysical: 'Filled in by libvirt; ignored on create.',
  volumeTarget: "The volume's format, permissions, encryption and compatibility level.",
  volumeTargetFormat: 'The image format: `raw`, `qcow2`, `qed`, `vmdk`… (dir/fs/netfs pools); other pools have their own.',
  targetCompat: 'The qcow2 compatibility level: `0.10` or `1.1` (needed for lazy refcounts).',
  targetFeatures: 'qcow2 features, e.g. `<lazy_refcounts/>` (with compat 1.1).',
  targetNocow: 'Turns off copy-on-write on btrfs for the image file.',
  encryption: 'Encryption of the volume (`luks`), with its secret.',
  backingStore: 'The image this one is a copy-on-write overlay of: its `<path>` and `<format>`.',
  backingStorePath: "The backing image's path.",
  backingStoreFormat: "The backing image's format (`raw`, `qcow2`…).",
  volumePermissions: "The mode, owner, group and SELinux label of the volume's file.",
});

const POOL_DOCS: Record<string, readonly [Message, keyof typeof S]> = {
  pool: [M.pool(), 'pool'],
  'pool@type': [M.poolType(), 'pool'],
  'pool/name': [M.poolName(), 'pool'],
  'pool/uuid': [M.poolUuid(), 'pool'],
  'pool/capacity': [M.poolCapacity(), 'pool'],
  'pool/allocation': [M.poolAllocation(), 'pool'],
  'pool/available': [M.poolAvailable(), 'pool'],
  'pool/source': [M.poolSource(), 'source'],
  'source/device': [M.sourceDevice(), 'source'],
  'source/dir': [M.sourceDir(), 'source'],
  'source/host': [M.sourceHost(), 'source'],
  'source/adapter': [M.sourceAdapter(), 'source'],
  'source/name': [M.sourceName(), 'source'],
  'source/format': [M.sourceFormat(), 'source'],
  'source/auth': [M.sourceAuth(), 'source'],
  'source/initiator': [M.sourceInitiator(), 'source'],
  'pool/target': [M.poolTarget(), 'target'],
  'target/path': [M.targetPath(), 'target'],
  permissions: [M.permissions(), 'target'],
  'permissions/mode': [M.permissionsMode(), 'target'],
  'permissions/owner': [M.permissionsOwner(), 'target'],
  'permissions/group': [M.permissionsGroup(), 'target'],
};

const VOLUME_DOCS: Record<string, readonly [Message, keyof typeof S]> = {
  volume: [M.volume(), 'volume'],
  'volume/name': [M.volumeName(), 'volume'],
  'volume/key': [M.volumeKey(), 'volume'],
  'volume/capacity': [M.volumeCapacity(), 'volume'],
  'volume/allocation': [M.volumeAllocation(), 'volume'],
  'volume/physical': [M.volumePhysical(), 'volume'],
  'volume/target': [M.volumeTarget(), 'volumeTarget'],
  'volume/target/format': [M.volumeTargetFormat(), 'volumeTarget'],
  'target/compat': [M.targetCompat(), 'volumeTarget'],
  'target/features': [M.targetFeatures(), 'volumeTarget'],
  'target/nocow': [M.targetNocow(), 'volumeTarget'],
  encryption: [M.encryption(), 'volumeTarget'],
  backingStore: [M.backingStore(), 'backing'],
  'backingStore/path': [M.backingStorePath(), 'backing'],
  'backingStore/format': [M.backingStoreFormat(), 'backing'],
  permissions: [M.volumePermissions(), 'volumeTarget'],
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
