import { replaceAttributeValue } from '../edits/xmlEdits';
import { connectedHost, connectionName } from '../hostFacts';
import { DOCS } from '../libvirtDocs';
import { deviceLabel } from '../model/deviceLabel';
import { closest } from '../text/closest';
import { attribute, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

export const sourceNotOnHost: Rule = {
  id: 'source-not-on-host',
  severity: 'error',
  title: "A device's virtual network, storage pool or volume is not on the connection's host",
  explanation:
    "<interface type='network'><source network='…'/> and <disk type='volume'><source pool='…' volume='…'/> name " +
    'objects of the host libvirt runs the guest on. libvirt accepts the definition but refuses to start it when they ' +
    'do not exist there ("Network not found", "Storage pool not found", "Storage volume not found"). Create them there ' +
    '(virsh net-define / pool-define / vol-create-as) or name one the host has.',
  docs: DOCS.interfaces,
  check({ model, host, report }) {
    const connected = connectedHost(host);
    if (!connected) return;
    const where = connectionName(connected.connection.uri);
    for (const device of model.devices) {
      if (device.kind === 'interface' && device.type === 'network' && connected.networks) {
        const network = device.source && attribute(device.source, 'network');
        if (!network || connected.networks.includes(network.value)) continue;
        const suggestion =
          closest(network.value, connected.networks) ?? (connected.networks.length === 1 ? connected.networks[0] : undefined);
        report({
          ...valueSpan(network),
          message:
            `The host of ${where} has no virtual network '${network.value}' (it has ${list(connected.networks)}): ` +
            `libvirt accepts the definition but refuses to start it. ${suggestion ? `Did you mean '${suggestion}'?` : 'Create it with virsh net-define and net-start.'}`,
          fixes: (context) =>
            connected.networks!.map((name) => ({
              title: `Use the host's network '${name}'`,
              edits: [replaceAttributeValue(network, name, context)],
              preferred: name === suggestion,
            })),
        });
      }
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

function list(names: readonly string[]): string {
  if (names.length === 0) return 'none';
  const shown = names.slice(0, 6).map((name) => `'${name}'`);
  return names.length > 6 ? `${shown.join(', ')} and ${names.length - 6} more` : shown.join(', ');
}
