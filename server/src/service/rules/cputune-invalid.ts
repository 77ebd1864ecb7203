import { type Message, messages } from '../../l10n/message';
import { removeElement } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { parseBitmap } from '../model/bitmap';
import { iothreadIds, maxVcpus } from '../model/cputune';
import { refusedAtDefine as refused } from '../refusals';
import { attribute, attributeValue, firstChild, nameSpan, valueSpan, type XmlElement } from '../xml/xmlTree';
import type { Problem, Rule } from './rule';

const M = messages('cputune-invalid', {
  pinAboveCount:
    '<vcpupin> for vCPU {id}, but the domain has {count} vCPU (0-{last}): libvirt ignores the pin and drops it from the definition. Raise <vcpu> or pin an existing vCPU.',
  pinAboveCountPlural:
    '<vcpupin> for vCPU {id}, but the domain has {count} vCPUs (0-{last}): libvirt ignores the pin and drops it from the definition. Raise <vcpu> or pin an existing vCPU.',
  secondVcpupin: 'A second <vcpupin> for vCPU {id}',
  secondEmulatorpin: 'A second <emulatorpin>',
  secondEmulatorsched: 'A second <emulatorsched>',
  missingThread: '<{element}> for I/O thread {id}, which the domain does not have (it has {ids})',
  missingThreadNone: '<{element}> for I/O thread {id}, which the domain does not have (it has none)',
  secondIothreadpin: 'A second <iothreadpin> for I/O thread {id}',
  schedAboveCount: '<vcpusched> for vCPU {id}, but the domain has {count} vCPU',
  schedAboveCountPlural: '<vcpusched> for vCPU {id}, but the domain has {count} vCPUs',
  vcpuScheduledTwice: 'vCPU {id} has a scheduler already',
  threadScheduledTwice: 'I/O thread {id} has a scheduler already',
  removeVcpupin: 'Remove this <vcpupin>',
  removeIothreadpin: 'Remove this <iothreadpin>',
});

const SCHEDULERS = new Set(['batch', 'idle', 'fifo', 'rr']);

export const cputuneInvalid: Rule = {
  id: 'cputune-invalid',
  severity: 'error',
  title: 'A <cputune> pin or scheduler for a vCPU or I/O thread the domain lacks, or one given twice',
  explanation:
    "<vcpupin vcpu='N'> and <vcpusched vcpus='…'> name vCPUs 0 to <vcpu>-1, <iothreadpin iothread='N'> and " +
    '<iothreadsched iothreads=…> the I/O threads <iothreads> and <iothreadids> define. libvirt refuses a second pin for ' +
    "one vCPU (\"duplicate vcpupin for vcpu '1'\") or thread, a scheduler for a vCPU or thread it lacks (\"vCPU '4' is not " +
    'present in domain definition", "Cannot find \'iothread\' : 3"), schedulers whose sets overlap, a second ' +
    '<emulatorpin> or <emulatorsched>. A <vcpupin> for a vCPU above the count is dropped without a word.',
  docs: DOCS.cpuAllocation,
  check({ model, report }) {
    const cputune = firstChild(model.root, 'cputune');
    if (!cputune) return;
    const vcpus = maxVcpus(model);
    let threads: Set<number> | undefined | null = null;
    const ioThreads = () => {
      if (threads === null) threads = iothreadIds(model.root);
      return threads;
    };
    const problems: Problem[] = [];
    const pinnedVcpus = new Set<number>();
    const pinnedThreads = new Set<number>();
    const scheduledVcpus = new Set<number>();
    const scheduledThreads = new Set<number>();
    let emulatorpins = 0;
    let emulatorscheds = 0;
    for (const child of cputune.children) {
      switch (child.name) {
        case 'vcpupin': {
          const vcpuAttribute = attribute(child, 'vcpu');
          const id = vcpuAttribute && wholeNumber(vcpuAttribute.value);
          if (id === undefined || vcpus === undefined) break;
          if (id >= vcpus)
            problems.push({
              ...valueSpan(vcpuAttribute!),
              severity: 'warning',
              message: (vcpus === 1 ? M.pinAboveCount : M.pinAboveCountPlural)({ id, count: vcpus, last: vcpus - 1 }),
              fixes: (context) => [{ title: M.removeVcpupin(), edits: [removeElement(child, context)] }],
            });
          else if (pinnedVcpus.has(id))
            problems.push({
              ...valueSpan(vcpuAttribute!),
              message: refused(M.secondVcpupin({ id }), `duplicate vcpupin for vcpu '${id}'`),
              fixes: (context) => [{ title: M.removeVcpupin(), edits: [removeElement(child, context)] }],
            });
          pinnedVcpus.add(id);
          break;
        }
        case 'emulatorpin':
          if (emulatorpins++ > 0)
            problems.push({ ...nameSpan(child), message: refused(M.secondEmulatorpin(), 'only one emulatorpin is supported') });
          break;
        case 'emulatorsched':
          if (emulatorscheds++ > 0)
            problems.push({ ...nameSpan(child), message: refused(M.secondEmulatorsched(), 'only one emulatorsched is supported') });
          break;
        case 'iothreadpin': {
          const threadAttribute = attribute(child, 'iothread');
          const id = threadAttribute && wholeNumber(threadAttribute.value);
          const known = ioThreads();
          if (!id || !known) break;
          if (!known.has(id)) {
            problems.push({
              ...valueSpan(threadAttribute!),
              message: refused(missingThread('iothreadpin', id, known), `Cannot find 'iothread' : ${id}`),
            });
            break;
          }
          const cpus = parseBitmap(attributeValue(child, 'cpuset') ?? '');
          if (!cpus?.length) break;
          if (pinnedThreads.has(id))
            problems.push({
              ...valueSpan(threadAttribute!),
              message: refused(M.secondIothreadpin({ id }), `duplicate iothreadpin for same iothread '${id}'`),
              fixes: (context) => [{ title: M.removeIothreadpin(), edits: [removeElement(child, context)] }],
            });
          pinnedThreads.add(id);
          break;
        }
        case 'vcpusched':
        case 'iothreadsched': {
          const vcpu = child.name === 'vcpusched';
          const setName = vcpu ? 'vcpus' : 'iothreads';
          const setAttribute = attribute(child, setName);
          const members = setAttribute && parseBitmap(setAttribute.value);
          if (!members?.length || !validScheduler(child)) break;
          const known = vcpu ? undefined : ioThreads();
          if ((vcpu && vcpus === undefined) || (!vcpu && !known)) break;
          const scheduled = vcpu ? scheduledVcpus : scheduledThreads;
          for (const member of members) {
            const missing = vcpu ? member >= vcpus! : !known!.has(member);
            if (missing) {
              problems.push({
                ...valueSpan(setAttribute!),
                message: vcpu
                  ? refused(
                      (vcpus === 1 ? M.schedAboveCount : M.schedAboveCountPlural)({ id: member, count: vcpus! }),
                      `vCPU '${member}' is not present in domain definition`,
                    )
                  : refused(missingThread('iothreadsched', member, known!), `Cannot find 'iothread' : ${member}`),
              });
              break;
            }
            if (scheduled.has(member)) {
              problems.push({
                ...valueSpan(setAttribute!),
                message: refused(
                  (vcpu ? M.vcpuScheduledTwice : M.threadScheduledTwice)({ id: member }),
                  `'${child.name}' attributes '${setName}' must not overlap`,
                ),
              });
              break;
            }
            scheduled.add(member);
          }
          break;
        }
      }
    }
    for (const problem of problems) report(problem);
  },
};

/** A non-negative decimal as libvirt's unsigned attribute parser reads it; undefined otherwise. */
function wholeNumber(text: string): number | undefined {
  return /^\s*\+?\d+$/.test(text) && Number(text) <= 0xffffffff ? Number(text) : undefined;
}

/** scheduler= as libvirt accepts it, with the priority fifo and rr need: otherwise libvirt stops before the set. */
function validScheduler(element: XmlElement): boolean {
  const scheduler = attributeValue(element, 'scheduler');
  if (!scheduler || !SCHEDULERS.has(scheduler)) return false;
  if (scheduler !== 'fifo' && scheduler !== 'rr') return true;
  return /^\s*[+-]?\d+$/.test(attributeValue(element, 'priority') ?? '');
}

/** "<ELEMENT> for I/O thread ID, which the domain does not have (it has 1,2)". */
function missingThread(element: string, id: number, ids: ReadonlySet<number>): Message {
  if (ids.size === 0) return M.missingThreadNone({ element, id });
  return M.missingThread({ element, id, ids: [...ids].sort((a, b) => a - b).join(',') });
}
