import { messages } from '../../l10n/message';
import { replaceAttributeValue } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { devicesOfKind } from '../model/domainModel';
import { attribute, attributeValue, firstChild, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

/** The models QEMU can give a second display (the others are legacy VGA devices, one per machine). */
const SECONDARY = new Set(['qxl', 'virtio']);

const M = messages('video-secondary-model', {
  secondaryModel: 'A second video device of model {model}: libvirt refuses the domain ("{libvirtSays}").',
  changeToVirtio: "Change to 'virtio'",
});

export const videoSecondaryModel: Rule = {
  id: 'video-secondary-model',
  severity: 'error',
  title: 'A second video device of a model that can only be primary (vga, cirrus, bochs, ramfb…)',
  explanation:
    "Only one video device is primary (the first, or the one with primary='yes'); the others must be qxl or virtio. " +
    'libvirt refuses another model there ("video type \'vga\' is only valid as primary video device").',
  docs: DOCS.video,
  check({ model, report }) {
    if (model.type?.value !== 'kvm' && model.type?.value !== 'qemu') return;
    const videos = devicesOfKind(model, 'video').filter((video) => attributeValue(firstChild(video.element, 'model'), 'type') !== 'none');
    if (videos.length < 2) return;
    const primary = videos.find((video) => attributeValue(firstChild(video.element, 'model'), 'primary') === 'yes') ?? videos[0];
    for (const video of videos) {
      const type = firstChild(video.element, 'model') && attribute(firstChild(video.element, 'model')!, 'type');
      if (video === primary || !type || SECONDARY.has(type.value)) continue;
      report({
        ...valueSpan(type),
        message: M.secondaryModel({ model: type.value, libvirtSays: `video type '${type.value}' is only valid as primary video device` }),
        fixes: (context) => [{ title: M.changeToVirtio(), edits: [replaceAttributeValue(type, 'virtio', context)], preferred: true }],
      });
    }
  },
};
