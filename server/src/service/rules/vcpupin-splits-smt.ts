import { messages, type Text } from '../../l10n/message';
import { connectedHost } from '../hostFacts';
import { DOCS } from '../libvirtDocs';
import { vcpuPins } from '../model/domainModel';
import { tagSpan } from '../validation/spans';
import { attributeValue, childrenNamed, firstChild } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('vcpupin-splits-smt', {
  notSiblings:
    "vCPUs {vcpus} are threads of guest core {core} but are pinned to host CPUs {hostCpus}, which are not siblings: pin them to one host core's siblings.",
  hostCpu: '{cpu} (siblings {siblings})',
  andLast: '{first} and {last}',
  andMore: '{first} and {rest}',
  commaMore: '{first}, {rest}',
});

/** "0 and 1 and 2": the items joined by "and". */
function joinedByAnd(items: readonly Text[]): Text {
  if (items.length < 2) return items[0] ?? '';
  if (items.length === 2) return M.andLast({ first: items[0]!, last: items[1]! });
  return M.andMore({ first: items[0]!, rest: joinedByAnd(items.slice(1)) });
}

/** "a, b, c": the items joined by commas. */
function joinedByComma(items: readonly Text[]): Text {
  return items.length < 2 ? (items[0] ?? '') : M.commaMore({ first: items[0]!, rest: joinedByComma(items.slice(1)) });
}

export const vcpupinSplitsSmt: Rule = {
  id: 'vcpupin-splits-smt',
  severity: 'info',
  title: 'The vCPU threads of one guest core are pinned to host CPUs that are not siblings',
  explanation:
    "With <topology threads='2'/> the guest schedules vCPUs 0 and 1 as two threads of one core, sharing its caches. " +
    "Pinned to two host CPUs of different cores, they do not share them, and the guest's scheduler decisions are " +
    "wrong for the hardware. Pin each guest core's threads to the siblings of one host core (virsh capabilities: " +
    '<cpu id siblings>, lscpu -e).',
  docs: DOCS.cpuAllocation,
  check({ model, host, report }) {
    const connected = connectedHost(host);
    const cputune = firstChild(model.root, 'cputune');
    const threads = Number(attributeValue(model.cpu.topology, 'threads') ?? '1');
    if (!connected?.cpus?.length || !cputune || !(threads > 1)) return;
    const siblings = new Map(connected.cpus.map((cpu) => [cpu.id, new Set(cpu.siblings)]));
    const pins = vcpuPins(cputune);
    const pinElements = new Map(childrenNamed(cputune, 'vcpupin').map((pin) => [Number(attributeValue(pin, 'vcpu')), pin]));
    const cores = new Map<number, number[]>();
    for (const vcpu of pins.keys()) cores.set(Math.floor(vcpu / threads), [...(cores.get(Math.floor(vcpu / threads)) ?? []), vcpu]);
    for (const [core, vcpus] of cores) {
      if (vcpus.length < 2 || vcpus.some((vcpu) => pins.get(vcpu)!.length !== 1)) continue;
      const hostCpus = vcpus.map((vcpu) => pins.get(vcpu)![0]!);
      const first = siblings.get(hostCpus[0]!);
      if (!first || hostCpus.every((cpu) => first.has(cpu))) continue;
      const pairs = hostCpus.map((cpu) => M.hostCpu({ cpu, siblings: [...(siblings.get(cpu) ?? [cpu])].join(',') }));
      report({
        ...tagSpan(pinElements.get(vcpus[1]!)!),
        message: M.notSiblings({ vcpus: joinedByAnd(vcpus.map(String)), core, hostCpus: joinedByComma(pairs) }),
      });
    }
  },
};
