import { messages } from '../../l10n/message';
import { replaceText, setAttribute } from '../edits/xmlEdits';
import type { Fix } from '../languageTypes';
import { DOCS } from '../libvirtDocs';
import { refusedAtDefine as refused } from '../refusals';
import { tagSpan, textOrTagSpan } from '../validation/spans';
import { attributeValue } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('cpu-topology-mismatch', {
  mismatch:
    'The topology gives {sockets} sockets × {dies} dies × {cores} cores × {threads} threads = {product} vCPUs, but <vcpu> is {vcpus}',
  vcpuIs: '<vcpu> is {vcpus}',
  setCores: 'Set cores to {cores} ({sockets} × {dies} × {cores} × {threads} = {vcpus})',
  setVcpu: 'Set <vcpu> to {product}',
});

export const cpuTopologyMismatch: Rule = {
  id: 'cpu-topology-mismatch',
  severity: 'error',
  title: 'The CPU topology does not multiply to the vCPU count',
  explanation:
    'sockets × dies × cores × threads in <cpu><topology> must equal the maximum vCPU count in <vcpu>. libvirt ' +
    'refuses anything else: "CPU topology doesn\'t match maximum vcpu count". Change one of them when adding vCPUs.',
  docs: DOCS.cpuModel,
  check({ model, report }) {
    const topology = model.cpu.topology;
    if (!topology) return;
    const numbers = ['sockets', 'dies', 'cores', 'threads'].map((name) => {
      const value = attributeValue(topology, name);
      return value === undefined ? (name === 'dies' ? 1 : undefined) : /^[0-9]+$/.test(value.trim()) ? Number(value) : undefined;
    });
    if (numbers.some((n) => n === undefined || n === 0)) return;
    const product = numbers.reduce((a, b) => a! * b!, 1)!;
    // No <vcpu> means one vCPU.
    const vcpus = model.vcpu ? model.vcpu.maximum : 1;
    if (vcpus === undefined || vcpus === product) return;
    const [sockets, dies, cores, threads] = numbers;
    report({
      ...tagSpan(topology),
      message: refused(
        M.mismatch({ sockets: sockets!, dies: dies!, cores: cores!, threads: threads!, product, vcpus }),
        "CPU topology doesn't match maximum vcpu count",
      ),
      related: model.vcpu ? [{ ...textOrTagSpan(model.vcpu.element), message: M.vcpuIs({ vcpus }) }] : undefined,
      fixes: (context) => {
        const fixes: Fix[] = [];
        const others = sockets! * dies! * threads!;
        if (vcpus % others === 0) {
          fixes.push({
            title: M.setCores({ cores: vcpus / others, sockets: sockets!, dies: dies!, threads: threads!, vcpus }),
            edits: [setAttribute(topology, 'cores', String(vcpus / others), context)],
            preferred: true,
          });
        }
        if (model.vcpu) fixes.push({ title: M.setVcpu({ product }), edits: [replaceText(model.vcpu.element, String(product))] });
        return fixes;
      },
    });
  },
};
