import { removeElement, setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { controllerIndexes } from '../model/controllerIndexes';
import { nextFreeTarget } from '../model/diskNames';
import { devicesOfKind } from '../model/domainModel';
import { MACHINE_FAMILY_LABEL } from '../model/pciAddress';
import { attribute, attributeValue, nameSpan, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const REFUSED = 'libvirt refuses the domain ("IDE controllers are unsupported for this QEMU binary or machine type").';

export const ideUnsupportedMachine: Rule = {
  id: 'ide-unsupported-machine',
  severity: 'error',
  title: 'An IDE disk or controller on a machine type without IDE (q35, virt), or a second IDE controller on i440fx',
  explanation:
    'Only the i440fx (pc) machine type has an IDE controller. On q35 and aarch64 virt, libvirt refuses IDE ' +
    '("IDE controllers are unsupported for this QEMU binary or machine type"). Use bus=\'sata\' for CD-ROMs and old ' +
    "disks on q35, or bus='virtio' / 'scsi'. The i440fx's one IDE controller (index 0) is all there is: libvirt refuses " +
    'another ("Only a single IDE controller is supported for this machine type").',
  docs: DOCS.disks,
  check({ model, report }) {
    const family = model.os.machineFamily;
    if (family === 'i440fx' && ['x86_64', 'i686', undefined].includes(model.os.arch)) {
      // Without index= libvirt gives a controller the lowest free index.
      for (const [controller, number] of controllerIndexes(model, 'ide')) {
        if (number === 0) continue;
        const index = attribute(controller.element, 'index');
        report({
          ...(index ? valueSpan(index) : nameSpan(controller.element)),
          message: `The i440fx (pc) machine has one IDE controller, index 0${index ? '' : ` (libvirt makes this one index ${number})`}: libvirt refuses the domain ("Only a single IDE controller is supported for this machine type"). Its two buses take four IDE disks.`,
          fixes: (context) => [
            { title: 'Remove this IDE controller', edits: [removeElement(controller.element, context)], preferred: true },
          ],
        });
      }
      return;
    }
    if (family !== 'q35' && family !== 'virt') return;
    const suggestion = family === 'q35' ? "Use bus='sata' (or virtio)" : "Use bus='virtio' or 'scsi'";
    for (const disk of devicesOfKind(model, 'disk')) {
      const bus = disk.target ? attribute(disk.target, 'bus') : undefined;
      if (bus?.value !== 'ide') continue;
      const dev = attributeValue(disk.target, 'dev') ?? 'disk';
      const newBus = family === 'q35' ? 'sata' : attributeValue(disk.element, 'device') === 'cdrom' ? 'scsi' : 'virtio';
      report({
        ...valueSpan(bus),
        message: `${MACHINE_FAMILY_LABEL[family]} machines have no IDE controller, so disk ${dev} cannot be on bus ide: ${REFUSED} ${suggestion}.`,
        fixes: (context) => {
          const target = nextFreeTarget(context.model, newBus, disk);
          const edits = [setAttribute(disk.target!, 'bus', newBus, context), setAttribute(disk.target!, 'dev', target, context)];
          if (disk.address?.type === 'drive') edits.push(removeElement(disk.address.element, context));
          return [{ title: `Move ${dev} to bus ${newBus} as ${target}`, edits, preferred: true }];
        },
      });
    }
    for (const controller of devicesOfKind(model, 'controller')) {
      const type = attribute(controller.element, 'type');
      if (type?.value !== 'ide') continue;
      report({
        ...valueSpan(type),
        message: `${MACHINE_FAMILY_LABEL[family]} machines have no IDE controller: ${REFUSED}`,
        fixes: (context) => [{ title: 'Remove the IDE controller', edits: [removeElement(controller.element, context)], preferred: true }],
      });
    }
  },
};
