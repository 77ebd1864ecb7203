import { messages, type Text } from '../../l10n/message';
import { replaceAttributeValue } from '../edits/xmlEdits';
import { connectedHost, connectionName, type HostConnection, type HostFacts } from '../hostFacts';
import { DOCS } from '../libvirtDocs';
import { deviceLabel } from '../model/deviceLabel';
import type { Device } from '../model/domainModel';
import { closest } from '../text/closest';
import { fileNameOf } from '../text/fileName';
import { attribute, attributeValue, valueSpan } from '../xml/xmlTree';
import type { Rule, RuleContext } from './rule';

const M = messages('source-not-on-host', {
  noNetwork:
    "The host of {connection} has no virtual network '{network}' (it has {networks}): libvirt accepts the definition but refuses to start it. {advice}",
  networkInWorkspace:
    'The workspace defines it ({file}): define it there first (Libvirt: Define from File, or virsh net-define and net-start).',
  didYouMean: "Did you mean '{suggestion}'?",
  createNetwork: 'Create it with virsh net-define and net-start.',
  useNetwork: "Use the host's network '{name}'",
  noPool: "The host of {connection} has no storage pool '{pool}' (it has {pools}): libvirt accepts the definition but refuses to start it.",
  usePool: "Use the host's pool '{name}'",
  noVolumeDidYouMean:
    "Pool '{pool}' on {connection} has no volume '{volume}' for {device}: libvirt accepts the definition but refuses to start it. Did you mean '{suggestion}'?",
  noVolume:
    "Pool '{pool}' on {connection} has no volume '{volume}' for {device}: libvirt accepts the definition but refuses to start it. Create it (virsh vol-create-as {pool} {volume} 40G --format qcow2) or name one of {volumes}.",
  useVolume: "Use volume '{name}' of pool '{pool}'",
  noBlockDevice:
    'The host of {connection} has no block device {path} for {device}: libvirt accepts the definition but refuses to start it ("{libvirtSays}").',
  noBlockDeviceHasOthers:
    'The host of {connection} has no block device {path} for {device}: libvirt accepts the definition but refuses to start it ("{libvirtSays}"). It has {disks}.',
  noFile:
    'There is no file {path} on this machine for {device}: libvirt would refuse to start the guest ("{libvirtSays}"). Create it (qemu-img create -f qcow2 {path} 40G) or point the disk at an existing image.',
  none: 'none',
  andMore: '{names} and {more} more',
});

export const sourceNotOnHost: Rule = {
  id: 'source-not-on-host',
  severity: 'error',
  title: "A device's virtual network, storage pool, volume, block device or image file is not on the connection's host",
  explanation:
    "<interface type='network'><source network='…'/> and <disk type='volume'><source pool='…' volume='…'/> name " +
    'objects of the host libvirt runs the guest on. libvirt accepts the definition but refuses to start it when they ' +
    'do not exist there ("Network not found", "Storage pool not found", "Storage volume not found"). Create them there ' +
    "(virsh net-define / pool-define / vol-create-as) or name one the host has. A block device (<disk type='block'>) " +
    'that is not there fails the start too ("Cannot access storage file"); a missing image file is a warning (on a ' +
    'local connection only: it may be created before the guest starts).',
  docs: DOCS.interfaces,
  check({ model, host, workspace, report }) {
    const connected = connectedHost(host);
    if (!connected) return;
    const where = connectionName(connected.connection.uri);
    for (const device of model.devices) {
      if (device.kind === 'interface' && device.type === 'network' && connected.networks) {
        const network = device.source && attribute(device.source, 'network');
        if (!network || connected.networks.includes(network.value)) continue;
        const suggestion =
          closest(network.value, connected.networks) ?? (connected.networks.length === 1 ? connected.networks[0] : undefined);
        // A network the workspace defines is one to define on the host, not a misspelling.
        const inWorkspace = workspace.networks.find((candidate) => candidate.name === network.value);
        const advice = inWorkspace
          ? M.networkInWorkspace({ file: fileNameOf(inWorkspace.uri) })
          : suggestion
            ? M.didYouMean({ suggestion })
            : M.createNetwork();
        report({
          ...valueSpan(network),
          message: M.noNetwork({ connection: where, network: network.value, networks: list(connected.networks), advice }),
          fixes: (context) =>
            connected.networks!.map((name) => ({
              title: M.useNetwork({ name }),
              edits: [replaceAttributeValue(network, name, context)],
              preferred: name === suggestion,
            })),
        });
      }
      if (device.kind === 'disk' && (device.type === 'block' || device.type === 'file')) checkPath(device, connected, where, report);
      if (device.kind === 'disk' && device.type === 'volume' && connected.pools) {
        const pool = device.source && attribute(device.source, 'pool');
        const volume = device.source && attribute(device.source, 'volume');
        if (!pool) continue;
        const known = connected.pools.find((candidate) => candidate.name === pool.value);
        if (!known) {
          const names = connected.pools.map((candidate) => candidate.name);
          report({
            ...valueSpan(pool),
            message: M.noPool({ connection: where, pool: pool.value, pools: list(names) }),
            fixes: (context) => names.map((name) => ({ title: M.usePool({ name }), edits: [replaceAttributeValue(pool, name, context)] })),
          });
          continue;
        }
        if (!volume || !known.volumes || known.volumes.includes(volume.value)) continue;
        const suggestion = closest(volume.value, known.volumes);
        const args = { pool: pool.value, connection: where, volume: volume.value, device: deviceLabel(device) };
        report({
          ...valueSpan(volume),
          message: suggestion ? M.noVolumeDidYouMean({ ...args, suggestion }) : M.noVolume({ ...args, volumes: list(known.volumes) }),
          fixes: (context) =>
            known.volumes!.map((name) => ({
              title: M.useVolume({ name, pool: pool.value }),
              edits: [replaceAttributeValue(volume, name, context)],
              preferred: name === suggestion,
            })),
        });
      }
    }
  },
};

/** Whole disks by kernel name: what libvirt's storage node devices list on any host (partitions are not listed). */
const WHOLE_DISK = /^\/dev\/(sd[a-z]+|vd[a-z]+|xvd[a-z]+|hd[a-z]+|nvme\d+n\d+|mmcblk\d+)$/;
const PARTITION = /^(\/dev\/(?:sd[a-z]+|vd[a-z]+|xvd[a-z]+|hd[a-z]+))\d+$|^(\/dev\/(?:nvme\d+n\d+|mmcblk\d+))p\d+$/;

/**
 * A block device or image file the host does not have. Local connections: what this machine has at the path.
 * Remote ones: block devices only, by kernel name, against the storage node devices libvirt lists.
 */
function checkPath(
  device: Device,
  connected: HostFacts & { readonly connection: HostConnection },
  where: Text,
  report: RuleContext['report'],
): void {
  const block = device.type === 'block';
  const source = device.source && attribute(device.source, block ? 'dev' : 'file');
  if (!source?.value.startsWith('/') || attributeValue(device.source, 'startupPolicy') === 'optional') return;
  const path = source.value;
  let missing: boolean;
  if (connected.connection.local) {
    missing = connected.paths?.[path] === 'missing';
  } else {
    const disk = WHOLE_DISK.test(path) ? path : PARTITION.exec(path)?.slice(1).find(Boolean);
    const listed = connected.blockDevices?.filter((candidate) => WHOLE_DISK.test(candidate.path));
    missing = block && !!disk && !!listed?.length && !listed.some((candidate) => candidate.path === disk);
  }
  if (!missing) return;
  const says = `Cannot access storage file '${path}': No such file or directory`;
  const disks = (connected.blockDevices ?? [])
    .filter((candidate) => candidate.stable || WHOLE_DISK.test(candidate.path))
    .map((candidate) => candidate.path);
  const label = deviceLabel(device);
  report({
    ...valueSpan(source),
    severity: block ? undefined : 'warning',
    message: !block
      ? M.noFile({ path, device: label, libvirtSays: says })
      : disks.length
        ? M.noBlockDeviceHasOthers({ connection: where, path, device: label, libvirtSays: says, disks: list(disks) })
        : M.noBlockDevice({ connection: where, path, device: label, libvirtSays: says }),
  });
}

function list(names: readonly string[]): Text {
  if (names.length === 0) return M.none();
  const shown = names.slice(0, 6).map((name) => `'${name}'`);
  return names.length > 6 ? M.andMore({ names: shown.join(', '), more: names.length - 6 }) : shown.join(', ');
}
