import { replaceAttributeValue } from '../edits/xmlEdits';
import { connectedHost, connectionName, type HostConnection, type HostFacts } from '../hostFacts';
import { DOCS } from '../libvirtDocs';
import { deviceLabel } from '../model/deviceLabel';
import type { Device } from '../model/domainModel';
import { closest } from '../text/closest';
import { fileNameOf } from '../text/fileName';
import { attribute, attributeValue, valueSpan } from '../xml/xmlTree';
import type { Rule, RuleContext } from './rule';

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
          ? `The workspace defines it (${fileNameOf(inWorkspace.uri)}): define it there first (Libvirt: Define from File, or virsh net-define and net-start).`
          : suggestion
            ? `Did you mean '${suggestion}'?`
            : 'Create it with virsh net-define and net-start.';
        report({
          ...valueSpan(network),
          message:
            `The host of ${where} has no virtual network '${network.value}' (it has ${list(connected.networks)}): ` +
            `libvirt accepts the definition but refuses to start it. ${advice}`,
          fixes: (context) =>
            connected.networks!.map((name) => ({
              title: `Use the host's network '${name}'`,
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
            message: `The host of ${where} has no storage pool '${pool.value}' (it has ${list(names)}): libvirt accepts the definition but refuses to start it.`,
            fixes: (context) =>
              names.map((name) => ({ title: `Use the host's pool '${name}'`, edits: [replaceAttributeValue(pool, name, context)] })),
          });
          continue;
        }
        if (!volume || !known.volumes || known.volumes.includes(volume.value)) continue;
        const suggestion = closest(volume.value, known.volumes);
        report({
          ...valueSpan(volume),
          message:
            `Pool '${pool.value}' on ${where} has no volume '${volume.value}' for ${deviceLabel(device)}: libvirt accepts the definition but refuses to start it. ` +
            (suggestion
              ? `Did you mean '${suggestion}'?`
              : `Create it (virsh vol-create-as ${pool.value} ${volume.value} 40G --format qcow2) or name one of ${list(known.volumes)}.`),
          fixes: (context) =>
            known.volumes!.map((name) => ({
              title: `Use volume '${name}' of pool '${pool.value}'`,
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
  where: string,
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
  report({
    ...valueSpan(source),
    severity: block ? undefined : 'warning',
    message: block
      ? `The host of ${where} has no block device ${path} for ${deviceLabel(device)}: libvirt accepts the definition but refuses to start it ("${says}").${disks.length ? ` It has ${list(disks)}.` : ''}`
      : `There is no file ${path} on this machine for ${deviceLabel(device)}: libvirt would refuse to start the guest ("${says}"). Create it (qemu-img create -f qcow2 ${path} 40G) or point the disk at an existing image.`,
  });
}

function list(names: readonly string[]): string {
  if (names.length === 0) return 'none';
  const shown = names.slice(0, 6).map((name) => `'${name}'`);
  return names.length > 6 ? `${shown.join(', ')} and ${names.length - 6} more` : shown.join(', ');
}
