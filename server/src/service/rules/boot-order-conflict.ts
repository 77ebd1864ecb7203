import { messages } from '../../l10n/message';
import { insertChild, type OffsetEdit, removeElement } from '../edits/xmlEdits';
import type { Fix, FixContext } from '../languageTypes';
import { DOCS } from '../libvirtDocs';
import type { Device, DomainModel } from '../model/domainModel';
import { attributeOrTagSpan, tagSpan } from '../validation/spans';
import { attributeValue } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('boot-order-conflict', {
  osBoot:
    '<os><boot dev> cannot be combined with per-device <boot order>: libvirt refuses the domain ("{libvirtSays}"). Keep one of the two.',
  deviceBoot:
    'Per-device <boot order> cannot be combined with <os><boot dev>: libvirt refuses the domain ("{libvirtSays}"). Keep one of the two.',
  osBootHere: 'boot device given in <os>',
  deviceBootHere: 'per-device boot order',
  toDeviceOrder: 'Turn the <os><boot dev> list into per-device boot order',
  removeOsBoots: 'Remove the <os><boot dev> elements',
  removeDeviceBoots: 'Remove the per-device <boot order> elements',
});

/** Which device an <os><boot dev> value means: the first of that kind. */
function deviceForBootDev(model: DomainModel, dev: string | undefined): Device | undefined {
  const isDisk = (device: Device, kind: string) => device.kind === 'disk' && (attributeValue(device.element, 'device') ?? 'disk') === kind;
  switch (dev) {
    case 'hd':
      return model.devices.find((device) => isDisk(device, 'disk'));
    case 'cdrom':
      return model.devices.find((device) => isDisk(device, 'cdrom'));
    case 'fd':
      return model.devices.find((device) => isDisk(device, 'floppy'));
    case 'network':
      return model.devices.find((device) => device.kind === 'interface');
    default:
      return undefined;
  }
}

/** The <os> boot list as <boot order='N'/> on the devices it names, after the orders already given. */
function osBootsToDeviceOrder(context: FixContext): OffsetEdit[] {
  const { model } = context;
  let order = Math.max(0, ...model.devices.map((device) => device.bootOrder ?? 0));
  const edits: OffsetEdit[] = model.os.boots.map((boot) => removeElement(boot, context));
  for (const boot of model.os.boots) {
    const device = deviceForBootDev(model, attributeValue(boot, 'dev'));
    if (!device || device.boot) continue;
    edits.push(insertChild(device.element, { name: 'boot', attributes: [['order', String(++order)]] }, context));
  }
  return edits;
}

/** libvirt's message for the mix. */
const LIBVIRT_SAYS = 'per-device boot elements cannot be used together with os/boot elements';

export const bootOrderConflict: Rule = {
  id: 'boot-order-conflict',
  severity: 'error',
  title: '<os><boot dev> is used together with per-device <boot order>',
  explanation:
    'The boot order is given either by <boot dev=...> elements in <os> or by <boot order=.../> inside devices, ' +
    'never both. libvirt refuses the mix: "per-device boot elements cannot be used together with os/boot elements".',
  docs: DOCS.bootOrder,
  check({ model, report }) {
    const deviceBoots = model.devices.map((device) => device.boot).filter((boot) => boot !== undefined);
    if (model.os.boots.length === 0 || deviceBoots.length === 0) return;
    const osRelated = model.os.boots.map((boot) => ({ ...attributeOrTagSpan(boot, 'dev'), message: M.osBootHere() }));
    const deviceRelated = deviceBoots.map((boot) => ({ ...attributeOrTagSpan(boot, 'order'), message: M.deviceBootHere() }));
    const fixes = (context: FixContext): Fix[] => [
      { title: M.toDeviceOrder(), edits: osBootsToDeviceOrder(context), preferred: true },
      { title: M.removeOsBoots(), edits: model.os.boots.map((boot) => removeElement(boot, context)) },
      { title: M.removeDeviceBoots(), edits: deviceBoots.map((boot) => removeElement(boot, context)) },
    ];
    for (const boot of model.os.boots) {
      report({
        ...tagSpan(boot),
        message: M.osBoot({ libvirtSays: LIBVIRT_SAYS }),
        related: deviceRelated,
        fixes,
      });
    }
    for (const boot of deviceBoots) {
      report({
        ...tagSpan(boot),
        message: M.deviceBoot({ libvirtSays: LIBVIRT_SAYS }),
        related: osRelated,
        fixes,
      });
    }
  },
};
