import { messages } from '../../l10n/message';
import { removeElement, setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { devicesOfKind } from '../model/domainModel';
import { attributeValue, nameSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('spice-without-graphics', {
  chardevWithoutSpice: 'A {type} {kind} without SPICE graphics: libvirt refuses the domain ("{libvirtSays}").',
  removeThis: 'Remove this <{kind}>',
  audioWithoutSpice: '<audio type=\'spice\'> without SPICE graphics: libvirt refuses the domain ("{libvirtSays}").',
  changeToAudioNone: "Change to <audio type='none'>",
});

/** The character devices that carry a chardev of their own. */
const CHARDEVS = new Set(['channel', 'serial', 'console', 'parallel', 'redirdev', 'smartcard']);

export const spiceWithoutGraphics: Rule = {
  id: 'spice-without-graphics',
  severity: 'error',
  title: "A SPICE channel, port or audio backend without <graphics type='spice'>",
  explanation:
    'spicevmc and spiceport character devices (the SPICE agent channel virt-manager adds, USB redirection) and ' +
    "<audio type='spice'> travel over the SPICE display: with VNC or no graphics, libvirt refuses them (\"chardev " +
    '\'spicevmc\' not supported without spice graphics", "Spice audio is not supported without spice graphics"). It ' +
    'happens when graphics are switched from SPICE to VNC and the rest stays. Remove them, or keep SPICE.',
  docs: DOCS.devices,
  check({ model, report }) {
    if (model.type?.value !== 'kvm' && model.type?.value !== 'qemu') return;
    if (devicesOfKind(model, 'graphics').some((graphics) => graphics.type === 'spice')) return;
    for (const device of model.devices) {
      if (CHARDEVS.has(device.kind) && (device.type === 'spicevmc' || device.type === 'spiceport'))
        report({
          ...nameSpan(device.element),
          message: M.chardevWithoutSpice({
            type: device.type,
            kind: device.kind,
            libvirtSays: `chardev '${device.type}' not supported without spice graphics`,
          }),
          fixes: (context) => [
            { title: M.removeThis({ kind: device.kind }), edits: [removeElement(device.element, context)], preferred: true },
          ],
        });
      else if (device.kind === 'audio' && attributeValue(device.element, 'type') === 'spice')
        report({
          ...nameSpan(device.element),
          message: M.audioWithoutSpice({ libvirtSays: 'Spice audio is not supported without spice graphics' }),
          fixes: (context) => [
            { title: M.changeToAudioNone(), edits: [setAttribute(device.element, 'type', 'none', context)], preferred: true },
          ],
        });
    }
  },
};
