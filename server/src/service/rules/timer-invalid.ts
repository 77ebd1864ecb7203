import { messages } from '../../l10n/message';
import { removeElement, replaceAttributeValue } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { guestArch, machineAsLibvirtSaysIt } from '../model/domainModel';
import { X86_ARCHES } from '../model/libvirtEnums';
import { refusedAtDefine as refused } from '../refusals';
import type { XmlElement } from '../xml/xmlTree';
import { attribute, attributeValue, childrenNamed, firstChild, valueSpan } from '../xml/xmlTree';
import type { Problem, Rule } from './rule';

const M = messages('timer-invalid', {
  platformTimer: "The 'platform' timer (QEMU has none)",
  x86TimerOn: 'The x86 {name} timer on {arch}',
  armvtimerWithoutKvm: 'The armvtimer timer without KVM',
  armvtimerOutsideArmVirt: 'The armvtimer timer outside an ARM virt machine',
  hpetOn: 'The x86 HPET on {arch}',
  rtcTracksBoot: "An rtc that tracks the boot time (QEMU's rtc follows the guest, wall or realtime clock)",
  changeToTrackGuest: "Change to track='guest'",
  rtcTickpolicy: "tickpolicy='{value}' on the rtc (QEMU's takes delay or catchup)",
  changeToCatchup: "Change to tickpolicy='catchup'",
  pitMerge: "tickpolicy='merge' on the pit (QEMU's takes delay, catchup or discard)",
  changeToDelay: "Change to tickpolicy='delay'",
  removeTimer: 'Remove this timer',
});

const ARM = new Set(['aarch64', 'armv7l', 'armv6l']);
/** Timers only x86 guests have: libvirt refuses present='yes' elsewhere. */
const X86_TIMERS = new Set(['tsc', 'kvmclock', 'hypervclock']);

export const timerInvalid: Rule = {
  id: 'timer-invalid',
  severity: 'error',
  title: 'A <clock><timer> QEMU cannot give the guest (kvmclock on aarch64, armvtimer off ARM KVM, the platform timer…)',
  explanation:
    "tsc, kvmclock and hypervclock are x86 clocks; armvtimer is ARM virt's under KVM; hpet is x86's; QEMU has no " +
    "'platform' timer, no rtc track='boot', no rtc tickpolicy merge or discard and no pit tickpolicy merge. libvirt " +
    "refuses them at define (\"Configuring the 'kvmclock' timer is not supported for virtType=qemu arch=aarch64 " +
    'machine=virt-7.2 guests"…). A <clock> copied from an x86 guest to an ARM one often carries them.',
  docs: DOCS.timekeeping,
  check({ model, host, report }) {
    const clock = firstChild(model.root, 'clock');
    const virtType = model.type?.value;
    if (!clock || (virtType !== 'kvm' && virtType !== 'qemu')) return;
    const arch = guestArch(model, host.arch || 'x86_64');
    const armVirt = ARM.has(arch) && model.os.machineFamily === 'virt';
    const problems: Problem[] = [];
    const notFor = (name: string) =>
      `Configuring the '${name}' timer is not supported for virtType=${virtType} arch=${arch} machine=${machineAsLibvirtSaysIt(model.os.machine)} guests`;
    for (const timer of childrenNamed(clock, 'timer')) {
      const nameAttribute = attribute(timer, 'name');
      const name = nameAttribute?.value;
      if (!nameAttribute || !name) continue;
      const present = attributeValue(timer, 'present');
      const remove = removeFix(timer);
      if (name === 'platform')
        problems.push({
          ...valueSpan(nameAttribute),
          message: refused(M.platformTimer(), "unsupported timer type (name) 'platform'"),
          fixes: remove,
        });
      else if (X86_TIMERS.has(name) && present === 'yes' && !X86_ARCHES.has(arch))
        problems.push({ ...valueSpan(nameAttribute), message: refused(M.x86TimerOn({ name, arch }), notFor(name)), fixes: remove });
      else if (name === 'armvtimer' && (virtType !== 'kvm' || !armVirt))
        problems.push({
          ...valueSpan(nameAttribute),
          message: refused(virtType !== 'kvm' && armVirt ? M.armvtimerWithoutKvm() : M.armvtimerOutsideArmVirt(), notFor(name)),
          fixes: remove,
        });
      else if (name === 'hpet' && present === 'yes' && !X86_ARCHES.has(arch))
        problems.push({
          ...valueSpan(nameAttribute),
          message: refused(M.hpetOn({ arch }), 'hpet timer is not supported'),
          fixes: remove,
        });
      else if (name === 'rtc') {
        const track = attribute(timer, 'track');
        const tickpolicy = attribute(timer, 'tickpolicy');
        if (track?.value === 'boot')
          problems.push({
            ...valueSpan(track),
            message: refused(M.rtcTracksBoot(), "unsupported rtc timer track 'boot'"),
            fixes: (context) => [
              { title: M.changeToTrackGuest(), edits: [replaceAttributeValue(track, 'guest', context)], preferred: true },
            ],
          });
        else if (tickpolicy?.value === 'merge' || tickpolicy?.value === 'discard')
          problems.push({
            ...valueSpan(tickpolicy),
            message: refused(M.rtcTickpolicy({ value: tickpolicy.value }), `unsupported rtc timer tickpolicy '${tickpolicy.value}'`),
            fixes: (context) => [
              { title: M.changeToCatchup(), edits: [replaceAttributeValue(tickpolicy, 'catchup', context)], preferred: true },
            ],
          });
      } else if (name === 'pit') {
        const tickpolicy = attribute(timer, 'tickpolicy');
        if (tickpolicy?.value === 'merge')
          problems.push({
            ...valueSpan(tickpolicy),
            message: refused(M.pitMerge(), "unsupported pit tickpolicy 'merge'"),
            fixes: (context) => [
              { title: M.changeToDelay(), edits: [replaceAttributeValue(tickpolicy, 'delay', context)], preferred: true },
            ],
          });
      }
    }
    for (const problem of problems) report(problem);
  },
};

function removeFix(timer: XmlElement): Problem['fixes'] {
  return (context) => [{ title: M.removeTimer(), edits: [removeElement(timer, context)], preferred: true }];
}
