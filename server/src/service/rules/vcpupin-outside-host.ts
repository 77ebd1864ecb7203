import { messages } from '../../l10n/message';
import { connectedHost, connectionName } from '../hostFacts';
import { DOCS } from '../libvirtDocs';
import { parseBitmap } from '../model/bitmap';
import { attribute, firstChild, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('vcpupin-outside-host', {
  hostLacksCpus:
    'The host of {connection} has CPUs 0-{highest}; <{element}> names {cpus}: libvirt accepts the definition but refuses to start it ("{libvirtSays}").',
  hostLacksCpusNotAll:
    'The host of {connection} has CPUs 0-{highest} (not all); <{element}> names {cpus}: libvirt accepts the definition but refuses to start it ("{libvirtSays}").',
});

const PINS = ['vcpupin', 'emulatorpin', 'iothreadpin'];

export const vcpupinOutsideHost: Rule = {
  id: 'vcpupin-outside-host',
  severity: 'error',
  title: "A <cputune> pin names CPUs the connection's host does not have",
  explanation:
    '<vcpupin>, <emulatorpin> and <iothreadpin> pin threads to host CPUs by number (virsh capabilities lists them, ' +
    'lscpu -e on the host). A CPU the host lacks makes the start fail: libvirt accepts the definition but refuses to ' +
    'start it (the kernel rejects the affinity or the cgroup cpuset). Definitions copied from a bigger host do this.',
  docs: DOCS.cpuAllocation,
  check({ model, host, report }) {
    const connected = connectedHost(host);
    const cputune = firstChild(model.root, 'cputune');
    if (!connected?.cpus?.length || !cputune) return;
    const hostCpus = new Set(connected.cpus.map((cpu) => cpu.id));
    const highest = Math.max(...hostCpus);
    for (const pin of cputune.children.filter((child) => PINS.includes(child.name))) {
      const cpuset = attribute(pin, 'cpuset');
      const cpus = cpuset && parseBitmap(cpuset.value);
      if (!cpus) continue;
      const missing = cpus.filter((cpu) => !hostCpus.has(cpu));
      if (missing.length === 0) continue;
      report({
        ...valueSpan(cpuset),
        message: (hostCpus.size === highest + 1 ? M.hostLacksCpus : M.hostLacksCpusNotAll)({
          connection: connectionName(connected.connection.uri),
          highest,
          element: pin.name,
          cpus: missing.join(','),
          libvirtSays: "Unable to write to '…/cpuset.cpus': Numerical result out of range",
        }),
      });
    }
  },
};
