import { messages } from '../../../l10n/message';
import { removeElement } from '../../edits/xmlEdits';
import type { DocumentFixContext } from '../../languageTypes';
import { STORAGE_DOCS } from '../../libvirtDocs';
import type { Problem, Rule } from '../../rules/rule';
import { attributeValue, firstChild, nameSpan, textOf } from '../../xml/xmlTree';
import { refusedAtCreate, refusedAtDefine } from '../storageMessages';
import type { StorageVolumeModel } from '../storageModel';

/** qcow2 features libvirt knows. */
const FEATURES = new Set(['lazy_refcounts', 'extended_l2']);

type VolumeProblem = Problem<DocumentFixContext>;

const M = messages('volume-option-unsupported', {
  compatNotNN: "The compat level '{compat}' is not N.N",
  qcow2OptionOnRaw: '<{element}> is a qcow2 option: libvirt ignores it for a raw image.',
  removeElement: 'Remove <{element}>',
  compatWithFormat: '<compat> and <features> with a {format} image',
  notQcow2Feature: '<{feature}> is not a qcow2 feature',
  featureWithCompat010: '{feature} with compat 0.10',
  backingWithoutPath: 'The <backingStore> has no <path>: libvirt ignores it and creates a standalone image.',
  rawHasNoBacking: 'A raw image has no backing store',
  backingWithoutFormat:
    'The <backingStore> has no <format>: libvirt writes the image with a raw backing file (it does not probe), which breaks a qcow2 base.',
  encryptionOfFormat: '{kind} encryption of a {format} image',
  encryptionWithoutFormat: 'Encryption without format=',
});

export const volumeOptionUnsupported: Rule<StorageVolumeModel, DocumentFixContext> = {
  id: 'volume-option-unsupported',
  severity: 'error',
  title: 'A volume option its format does not support: compat and features outside qcow2, a backing store of a raw image, encryption',
  explanation:
    '<compat> and <features> are qcow2 options: libvirt refuses them for other formats qemu-img writes ("compatibility ' +
    'option only available with qcow2") and ignores them on a raw file; <compat> is N.N ("forbidden characters in ' +
    '\'compat\' attribute"), lazy_refcounts needs compat 1.1. A raw image has no backing store ("backing storage not ' +
    'supported for raw volumes"); a backing store without <path> is ignored, one without <format> is read as raw. ' +
    'Encryption is luks only, on raw or qcow2 images.',
  docs: STORAGE_DOCS.volumeTarget,
  check({ model, report }) {
    const format = model.format?.value || 'raw';
    const target = model.target;
    const problems: VolumeProblem[] = [];
    const compat = firstChild(target, 'compat');
    const features = firstChild(target, 'features');
    const compatText = textOf(compat);
    if (compat && compatText && !/^\d+\.\d+$/.test(compatText))
      problems.push({
        ...nameSpan(compat),
        message: refusedAtDefine(M.compatNotNN({ compat: compatText }), "forbidden characters in 'compat' attribute", 'storage volume'),
      });
    else if (format === 'raw') {
      for (const element of [compat, features])
        if (element && (element !== compat || compatText))
          problems.push({
            ...nameSpan(element),
            severity: 'warning',
            message: M.qcow2OptionOnRaw({ element: element.name }),
            fixes: (context) => [
              { title: M.removeElement({ element: element.name }), edits: [removeElement(element, context)], preferred: true },
            ],
          });
    } else if (format !== 'qcow2' && (compatText || features))
      problems.push({
        ...nameSpan((compatText ? compat : features)!),
        message: refusedAtDefine(M.compatWithFormat({ format }), 'compatibility option only available with qcow2', 'storage volume'),
      });
    else if (format === 'qcow2' && features) {
      for (const feature of features.children)
        if (!FEATURES.has(feature.name))
          problems.push({
            ...nameSpan(feature),
            message: refusedAtDefine(M.notQcow2Feature({ feature: feature.name }), `unsupported feature ${feature.name}`, 'storage volume'),
          });
        else if (compatText === '0.10')
          problems.push({
            ...nameSpan(feature),
            message: refusedAtDefine(
              M.featureWithCompat010({ feature: feature.name }),
              feature.name === 'lazy_refcounts'
                ? 'lazy_refcounts not supported with compat level 0.10'
                : "'extended_l2' not supported with compat level 0.10",
              'storage volume',
            ),
          });
    }
    const backing = firstChild(model.root, 'backingStore');
    if (backing) {
      if (!textOf(firstChild(backing, 'path')))
        problems.push({
          ...nameSpan(backing),
          severity: 'warning',
          message: M.backingWithoutPath(),
          fixes: (context) => [{ title: M.removeElement({ element: 'backingStore' }), edits: [removeElement(backing, context)] }],
        });
      else if (format === 'raw')
        problems.push({
          ...nameSpan(backing),
          message: refusedAtCreate(M.rawHasNoBacking(), 'backing storage not supported for raw volumes'),
        });
      else if (!attributeValue(firstChild(backing, 'format'), 'type'))
        problems.push({
          ...nameSpan(backing),
          severity: 'warning',
          message: M.backingWithoutFormat(),
        });
    }
    const encryption = firstChild(target, 'encryption');
    if (encryption) {
      const kind = attributeValue(encryption, 'format');
      const says = !kind
        ? 'unknown volume encryption format'
        : kind === 'luks'
          ? format === 'raw' || format === 'qcow2'
            ? undefined
            : `volume encryption unsupported with format ${format}`
          : kind === 'luks2'
            ? 'unsupported volume encryption format 3'
            : format === 'raw'
              ? 'Only luks encryption is supported for raw files'
              : format === 'qcow2' || format === 'qcow'
                ? 'creation of qcow2 encrypted image is not supported'
                : undefined;
      if (says)
        problems.push({
          ...nameSpan(encryption),
          message: refusedAtCreate(kind ? M.encryptionOfFormat({ kind, format }) : M.encryptionWithoutFormat(), says),
        });
    }
    problems.sort((a, b) => a.start - b.start);
    for (const problem of problems) report(problem);
  },
};
