import { messages } from '../../l10n/message';
import { removeElement, setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { controllerIndexes } from '../model/controllerIndexes';
import { nextFreeTarget } from '../model/diskNames';
import { devicesOfKind } from '../model/domainModel';
import { MACHINE_FAMILY_LABEL } from '../model/pciAddress';
import { attribute, attributeValue, nameSpan, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('ide-unsupported-machine', {
  secondController:
    'The i440fx (pc) machine has one IDE controller, index 0: libvirt refuses the domain ("{libvirtSays}"). Its two buses take four IDE disks.',
  secondControllerNoIndex:
    'The i440fx (pc) machine has one IDE controller, index 0 (libvirt makes this one index {index}): libvirt refuses the domain ("{libvirtSays}"). Its two buses take four IDE disks.',
  removeThisController: 'Remove this IDE controller',
  diskUseSata:
    '{machines} machines have no IDE controller, so disk {dev} cannot be on bus ide: libvirt refuses the domain ("{libvirtSays}"). Use bus=\'sata\' (or virtio).',
  diskUseVirtio:
    "{machines} machines have no IDE controller, so disk {dev} cannot be on bus ide: libvirt refuses the domain (\"{libvirtSays}\"). Use bus='virtio' or 'scsi'.",
  moveDisk: 'Move {dev} to bus {bus} as {target}',
  noController: '{machines} machines have no IDE controller: libvirt refuses the domain ("{libvirtSays}").',
  removeController: 'Remove the IDE controller',
});

/** libvirt's message for IDE on a machine without it. */
const UNSUPPORTED = 'IDE controllers are unsupported for this QEMU binary or machine type';

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
          message: index
            ? M.secondController({ libvirtSays: 'Only a single IDE controller is supported for this machine type' })
            : M.secondControllerNoIndex({ index: number, libvirtSays: 'Only a single IDE controller is supported for this machine type' }),
          fixes: (context) => [{ title: M.removeThisController(), edits: [removeElement(controller.element, context)], preferred: true }],
        });
      }
      return;
    }
    if (family !== 'q35' && family !== 'virt') return;
    const diskOnIde = family === 'q35' ? M.diskUseSata : M.diskUseVirtio;
    for (const disk of devicesOfKind(model, 'disk')) {
      const bus = disk.target ? attribute(disk.target, 'bus') : undefined;
      if (bus?.value !== 'ide') continue;
      const dev = attributeValue(disk.target, 'dev') ?? 'disk';
      const newBus = family === 'q35' ? 'sata' : attributeValue(disk.element, 'device') === 'cdrom' ? 'scsi' : 'virtio';
      report({
        ...valueSpan(bus),
        message: diskOnIde({ machines: MACHINE_FAMILY_LABEL[family], dev, libvirtSays: UNSUPPORTED }),
        fixes: (context) => {
          const target = nextFreeTarget(context.model, newBus, disk);
          const edits = [setAttribute(disk.target!, 'bus', newBus, context), setAttribute(disk.target!, 'dev', target, context)];
          if (disk.address?.type === 'drive') edits.push(removeElement(disk.address.element, context));
          return [{ title: M.moveDisk({ dev, bus: newBus, target }), edits, preferred: true }];
        },
      });
    }
    for (const controller of devicesOfKind(model, 'controller')) {
      const type = attribute(controller.element, 'type');
      if (type?.value !== 'ide') continue;
      report({
        ...valueSpan(type),
        message: M.noController({ machines: MACHINE_FAMILY_LABEL[family], libvirtSays: UNSUPPORTED }),
        fixes: (context) => [{ title: M.removeController(), edits: [removeElement(controller.element, context)], preferred: true }],
      });
    }
  },
};
