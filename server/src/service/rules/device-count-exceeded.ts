import { messages } from '../../l10n/message';
import { removeElement } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { devicesOfKind } from '../model/domainModel';
import { attribute, attributeValue, nameSpan, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('device-count-exceeded', {
  secondBalloon: 'A second <memballoon>: libvirt refuses the domain ("{libvirtSays}").',
  removeBalloon: 'Remove this <memballoon>',
  secondTpm: 'A second TPM: libvirt refuses the domain ("{libvirtSays}").',
  removeTpm: 'Remove this <tpm>',
  secondAudio: 'A second <audio id=\'{id}\'>: libvirt refuses the domain ("{libvirtSays}").',
  theFirst: 'The first one',
});

export const deviceCountExceeded: Rule = {
  id: 'device-count-exceeded',
  severity: 'error',
  title: 'A second device of a kind libvirt allows once: a memory balloon, a non-proxy TPM, an audio backend id',
  explanation:
    'A domain has at most one <memballoon> ("only a single memory balloon device is supported") and one TPM other ' +
    'than a proxy ("only a single TPM non-proxy device is supported"), and each <audio id=…> once ("audio ID 1 is ' +
    'used multiple times"). A copied device block is the usual cause.',
  docs: DOCS.devices,
  check({ model, report }) {
    const balloons = devicesOfKind(model, 'memballoon');
    for (const extra of balloons.slice(1))
      report({
        ...nameSpan(extra.element),
        message: M.secondBalloon({ libvirtSays: 'only a single memory balloon device is supported' }),
        related: [{ ...nameSpan(balloons[0]!.element), message: M.theFirst() }],
        fixes: (context) => [{ title: M.removeBalloon(), edits: [removeElement(extra.element, context)], preferred: true }],
      });
    const tpms = devicesOfKind(model, 'tpm').filter((tpm) => attributeValue(tpm.element, 'model') !== 'spapr-tpm-proxy');
    for (const extra of tpms.slice(1))
      report({
        ...nameSpan(extra.element),
        message: M.secondTpm({ libvirtSays: 'only a single TPM non-proxy device is supported' }),
        related: [{ ...nameSpan(tpms[0]!.element), message: M.theFirst() }],
        fixes: (context) => [{ title: M.removeTpm(), edits: [removeElement(extra.element, context)], preferred: true }],
      });
    const ids = new Map<string, ReturnType<typeof devicesOfKind>[number]>();
    for (const audio of devicesOfKind(model, 'audio')) {
      const id = attribute(audio.element, 'id');
      if (!id) continue;
      const key = String(Number(id.value));
      const first = ids.get(key);
      if (!first) {
        ids.set(key, audio);
        continue;
      }
      report({
        ...valueSpan(id),
        message: M.secondAudio({ id: id.value, libvirtSays: `audio ID ${key} is used multiple times` }),
        related: [{ ...nameSpan(first.element), message: M.theFirst() }],
      });
    }
  },
};
