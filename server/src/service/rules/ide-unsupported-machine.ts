import { removeElement, setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { nextFreeTarget } from '../model/diskNames';
import { devicesOfKind } from '../model/domainModel';
import { MACHINE_FAMILY_LABEL } from '../model/pciAddress';
import { attribute, attributeValue, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const REFUSED = 'libvirt refuses the domain ("IDE controllers are unsupported for this QEMU binary or machine type").';

export const ideUnsupportedMachine: Rule = {
  id: 'ide-unsupported-machine',
  severity: 'error',
  title: 'An IDE disk or controller on a machine type without IDE (q35, virt)',
  explanation:
    'Only the i440fx (pc) machine type has an IDE controller. On q35 and aarch64 virt, libvirt refuses IDE ' +
    '("IDE controllers are unsupported for this QEMU binary or machine type"). Use bus=\'sata\' for CD-ROMs and old ' +
    "disks on q35, or bus='virtio' / 'scsi'.",
  docs: DOCS.disks,
  check({ model, report }) {
    const family = model.os.machineFamily;
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
