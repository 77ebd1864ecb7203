import { connectedHost, connectionName } from '../hostFacts';
import { DOCS } from '../libvirtDocs';
import { parseBitmap } from '../model/bitmap';
import { attribute, firstChild, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

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
        message:
          `The host of ${connectionName(connected.connection.uri)} has CPUs 0-${highest}${hostCpus.size === highest + 1 ? '' : ' (not all)'}; ` +
          `<${pin.name}> names ${missing.join(',')}: libvirt accepts the definition but refuses to start it ("Unable to write to '…/cpuset.cpus': Numerical result out of range").`,
      });
    }
  },
};
