import { messages } from '../../l10n/message';
import { describeHostDevice } from '../hostAdvice';
import { connectedHost } from '../hostFacts';
import { passedDevices } from '../hostPassthrough';
import { DOCS } from '../libvirtDocs';
import { tagSpan } from '../validation/spans';
import { firstChild } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('hostdev-boot-vga', {
  bootDisplay:
    "{device} is the host's boot display: its framebuffer console keeps the card's memory reserved, so the guest's driver fails (\"{kernelSays}\"). Add video=efifb:off (kernels 5.15 and later: initcall_blacklist=sysfb_init) to GRUB_CMDLINE_LINUX, update-grub and reboot; the host then shows no console on this GPU.",
});

export const hostdevBootVga: Rule = {
  id: 'hostdev-boot-vga',
  severity: 'warning',
  title: "A passed-through GPU is the host's boot display",
  explanation:
    "The GPU the firmware booted on holds the host's framebuffer console (efifb, simplefb). While it does, the card's " +
    'memory region stays reserved: the guest starts, but its driver fails ("BAR 1: can\'t reserve" in the host\'s dmesg, ' +
    'error 43 or a black screen in the guest). Keep the host console off it — video=efifb:off (on kernels from 5.15, ' +
    'initcall_blacklist=sysfb_init) — at the cost of no host console on that GPU; or boot the host on another GPU. ' +
    'Only a local connection can tell (boot_vga in sysfs).',
  docs: DOCS.hostdev,
  check({ model, host, report }) {
    const connected = connectedHost(host);
    if (!connected?.connection.local) return;
    for (const { hostdev, device } of passedDevices(model, connected)) {
      if (!device?.bootVga) continue;
      report({
        ...tagSpan(firstChild(hostdev.source, 'address') ?? hostdev.element),
        message: M.bootDisplay({ device: describeHostDevice(device), kernelSays: "BAR 1: can't reserve" }),
      });
    }
  },
};
