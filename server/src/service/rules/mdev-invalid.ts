import { messages } from '../../l10n/message';
import { insertChild, removeAttribute, removeElement, setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { type Device, devicesOfKind, guestArch } from '../model/domainModel';
import { parseUuid } from '../model/uuid';
import { refusedAtDefine as refused } from '../refusals';
import { attribute, attributeValue, firstChild, nameSpan, valueSpan } from '../xml/xmlTree';
import type { Problem, Rule } from './rule';

/** The s390 models and the QEMU device each needs (only qemu-system-s390x has them). */
const S390_MODELS: Readonly<Record<string, string>> = { 'vfio-ccw': 'VFIO CCW', 'vfio-ap': 'VFIO AP' };

/** The guest address type each model takes (vfio-ap has none). */
const ADDRESS_OF_MODEL: Readonly<Record<string, string>> = { 'vfio-pci': 'pci', 'vfio-ccw': 'ccw' };

const M = messages('mdev-invalid', {
  s390Model: "model='{model}' is an s390x mediated device",
  changeToVfioPci: "Change to model='vfio-pci'",
  wrongAddress: 'A {addressType} address for a {model} mediated device (it takes a {wanted} address)',
  removeAddress: 'Remove the <address> (libvirt assigns one)',
  bootOrder: 'A boot order on a {model} mediated device',
  removeBoot: 'Remove the <boot>',
  displayWithoutGraphics: "display='on' without a <graphics> to show it",
  addGraphics: "Add <graphics type='vnc'/>",
  changeToDisplayOff: "Change to display='off'",
  secondRamfb: "A second vGPU with ramfb='on'",
  firstRamfb: "The first one with ramfb='on'",
  removeRamfb: 'Remove ramfb=',
  ramfbWithoutDisplay: "ramfb='on' without display='on': libvirt accepts it, but QEMU refuses to start the guest (\"{qemuSays}\").",
  ramfbWithoutDisplayOrGraphics:
    "ramfb='on' without display='on': libvirt accepts it, but QEMU refuses to start the guest (\"{qemuSays}\"). display='on' needs a <graphics> too.",
  setDisplayOn: "Set display='on'",
  noSourceAddress: "The mediated device's <source> has no <address uuid=…>",
  noUuid: "The mediated device's <address> has no uuid=",
  noUuidPciAddress: "The mediated device's <address> has no uuid= (a PCI address is for type='pci')",
  notUuid: "'{value}' is not a UUID",
});

export const mdevInvalid: Rule = {
  id: 'mdev-invalid',
  severity: 'error',
  title: 'A mediated device (vGPU) libvirt refuses: its source, model, guest address, boot order, display or ramfb',
  explanation:
    "<hostdev type='mdev'> names the host's mediated device by UUID (<source><address uuid=…/>, as in " +
    "/sys/bus/mdev/devices). model='vfio-pci' is a PCI device (a vGPU: it takes a PCI guest address and cannot " +
    "boot); vfio-ccw and vfio-ap exist on s390x only. display='on' shows the vGPU's screen through the domain's " +
    "<graphics> and needs one; ramfb='on' (a boot display before the guest driver) needs display='on' and may be on " +
    "for one vGPU only. libvirt refuses the rest, each with its message (\"Only one vgpu device can have 'ramfb' " +
    'enabled"…).',
  docs: DOCS.hostdev,
  check({ model, host, report }) {
    if (model.type?.value !== 'kvm' && model.type?.value !== 'qemu') return;
    const mdevs = devicesOfKind(model, 'hostdev').filter(
      (device) => device.type === 'mdev' && (attributeValue(device.element, 'mode') ?? 'subsystem') === 'subsystem',
    );
    if (mdevs.length === 0) return;
    const arch = guestArch(model, host.arch);
    const hasGraphics = devicesOfKind(model, 'graphics').length > 0;
    const problems: Problem[] = [];
    let firstRamfb: Device | undefined;
    for (const mdev of mdevs) {
      const element = mdev.element;
      checkSource(mdev, problems);
      const modelAttribute = attribute(element, 'model');
      const mdevModel = modelAttribute?.value;
      const s390 = mdevModel && S390_MODELS[mdevModel];
      if (modelAttribute && s390 && arch !== 's390x')
        problems.push({
          ...valueSpan(modelAttribute),
          message: refused(M.s390Model({ model: mdevModel }), `${s390} device assignment is not supported by this version of QEMU`),
          fixes: (context) => [
            { title: M.changeToVfioPci(), edits: [setAttribute(element, 'model', 'vfio-pci', context)], preferred: true },
          ],
        });
      const addressType = mdev.address && attribute(mdev.address.element, 'type');
      const wanted = mdevModel && ADDRESS_OF_MODEL[mdevModel];
      if (addressType && wanted && addressType.value !== wanted) {
        const address = mdev.address!.element;
        problems.push({
          ...valueSpan(addressType),
          message: refused(
            M.wrongAddress({ addressType: addressType.value, model: mdevModel, wanted }),
            `Unsupported address type '${addressType.value}' with mediated device model '${mdevModel}'`,
          ),
          fixes: (context) => [{ title: M.removeAddress(), edits: [removeElement(address, context)], preferred: true }],
        });
      }
      if (mdev.boot && (mdevModel === 'vfio-pci' || (mdevModel === 'vfio-ap' && arch === 's390x'))) {
        const boot = mdev.boot;
        problems.push({
          ...nameSpan(boot),
          message: refused(
            M.bootOrder({ model: mdevModel }),
            `booting from assigned devices is not supported by mediated devices of model ${mdevModel}`,
          ),
          fixes: (context) => [{ title: M.removeBoot(), edits: [removeElement(boot, context)], preferred: true }],
        });
      }
      const display = attribute(element, 'display');
      if (mdevModel === 'vfio-pci' && display?.value === 'on' && !hasGraphics && model.devicesElement) {
        const devices = model.devicesElement;
        problems.push({
          ...valueSpan(display),
          message: refused(M.displayWithoutGraphics(), "graphics device is needed for attribute value 'display=on' in <hostdev>"),
          fixes: (context) => [
            {
              title: M.addGraphics(),
              edits: [insertChild(devices, { name: 'graphics', attributes: [['type', 'vnc']] }, context)],
              preferred: true,
            },
            { title: M.changeToDisplayOff(), edits: [setAttribute(element, 'display', 'off', context)] },
          ],
        });
      }
      const ramfb = attribute(element, 'ramfb');
      if (ramfb?.value !== 'on') continue;
      if (firstRamfb)
        problems.push({
          ...valueSpan(ramfb),
          message: refused(M.secondRamfb(), "Only one vgpu device can have 'ramfb' enabled"),
          related: [{ ...nameSpan(firstRamfb.element), message: M.firstRamfb() }],
          fixes: (context) => [{ title: M.removeRamfb(), edits: [removeAttribute(element, ramfb, context)], preferred: true }],
        });
      else firstRamfb = mdev;
      if (mdevModel === 'vfio-pci' && display?.value !== 'on')
        problems.push({
          ...valueSpan(ramfb),
          severity: 'warning',
          message: (hasGraphics ? M.ramfbWithoutDisplay : M.ramfbWithoutDisplayOrGraphics)({ qemuSays: 'ramfb=on requires display=on' }),
          fixes: (context) => [
            ...(hasGraphics
              ? [{ title: M.setDisplayOn(), edits: [setAttribute(element, 'display', 'on', context)], preferred: true }]
              : []),
            { title: M.removeRamfb(), edits: [removeAttribute(element, ramfb, context)], preferred: !hasGraphics },
          ],
        });
    }
    problems.sort((a, b) => a.start - b.start);
    for (const problem of problems) report(problem);
  },
};

/** <source><address uuid='…'/></source>: a missing <source> is required-part-missing's to report. */
function checkSource(mdev: Device, problems: Problem[]): void {
  const source = mdev.source;
  if (!source) return;
  const address = firstChild(source, 'address');
  if (!address) {
    problems.push({
      ...nameSpan(source),
      message: refused(M.noSourceAddress(), 'Missing <address> element'),
    });
    return;
  }
  const uuid = attribute(address, 'uuid');
  if (!uuid)
    problems.push({
      ...nameSpan(address),
      message: refused(attribute(address, 'bus') ? M.noUuidPciAddress() : M.noUuid(), "Missing 'uuid' attribute for element <address>"),
    });
  else if (!parseUuid(uuid.value))
    problems.push({
      ...valueSpan(uuid),
      message: refused(M.notUuid({ value: uuid.value }), 'Cannot parse uuid attribute of element <address>'),
    });
}
