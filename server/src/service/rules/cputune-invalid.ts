import { removeElement } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { parseBitmap } from '../model/bitmap';
import { iothreadIds, maxVcpus } from '../model/cputune';
import { refusedAtDefine as refused } from '../refusals';
import { attribute, attributeValue, firstChild, nameSpan, valueSpan, type XmlElement } from '../xml/xmlTree';
import type { Problem, Rule } from './rule';

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
              message:
                `<vcpupin> for vCPU ${id}, but the domain has ${vcpus} vCPU${vcpus === 1 ? '' : 's'} (0-${vcpus - 1}): ` +
                'libvirt ignores the pin and drops it from the definition. Raise <vcpu> or pin an existing vCPU.',
              fixes: (context) => [{ title: 'Remove this <vcpupin>', edits: [removeElement(child, context)] }],
            });
          else if (pinnedVcpus.has(id))
            problems.push({
              ...valueSpan(vcpuAttribute!),
              message: refused(`A second <vcpupin> for vCPU ${id}`, `duplicate vcpupin for vcpu '${id}'`),
              fixes: (context) => [{ title: 'Remove this <vcpupin>', edits: [removeElement(child, context)] }],
            });
          pinnedVcpus.add(id);
          break;
        }
        case 'emulatorpin':
          if (emulatorpins++ > 0)
            problems.push({ ...nameSpan(child), message: refused('A second <emulatorpin>', 'only one emulatorpin is supported') });
          break;
        case 'emulatorsched':
          if (emulatorscheds++ > 0)
            problems.push({ ...nameSpan(child), message: refused('A second <emulatorsched>', 'only one emulatorsched is supported') });
          break;
        case 'iothreadpin': {
          const threadAttribute = attribute(child, 'iothread');
          const id = threadAttribute && wholeNumber(threadAttribute.value);
          const known = ioThreads();
          if (!id || !known) break;
          if (!known.has(id)) {
            problems.push({
              ...valueSpan(threadAttribute!),
              message: refused(
                `<iothreadpin> for I/O thread ${id}, which the domain does not have${threadList(known)}`,
                `Cannot find 'iothread' : ${id}`,
              ),
            });
            break;
          }
          const cpus = parseBitmap(attributeValue(child, 'cpuset') ?? '');
          if (!cpus?.length) break;
          if (pinnedThreads.has(id))
            problems.push({
              ...valueSpan(threadAttribute!),
              message: refused(`A second <iothreadpin> for I/O thread ${id}`, `duplicate iothreadpin for same iothread '${id}'`),
              fixes: (context) => [{ title: 'Remove this <iothreadpin>', edits: [removeElement(child, context)] }],
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
                      `<vcpusched> for vCPU ${member}, but the domain has ${vcpus} vCPU${vcpus === 1 ? '' : 's'}`,
                      `vCPU '${member}' is not present in domain definition`,
                    )
                  : refused(
                      `<iothreadsched> for I/O thread ${member}, which the domain does not have${threadList(known!)}`,
                      `Cannot find 'iothread' : ${member}`,
                    ),
              });
              break;
            }
            if (scheduled.has(member)) {
              problems.push({
                ...valueSpan(setAttribute!),
                message: refused(
                  `${vcpu ? 'vCPU' : 'I/O thread'} ${member} has a scheduler already`,
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

function threadList(ids: ReadonlySet<number>): string {
  return ids.size === 0 ? ' (it has none)' : ` (it has ${[...ids].sort((a, b) => a - b).join(',')})`;
}
