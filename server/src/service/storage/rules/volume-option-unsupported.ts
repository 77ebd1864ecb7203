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
        message: refusedAtDefine(
          `The compat level '${compatText}' is not N.N`,
          "forbidden characters in 'compat' attribute",
          'storage volume',
        ),
      });
    else if (format === 'raw') {
      for (const element of [compat, features])
        if (element && (element !== compat || compatText))
          problems.push({
            ...nameSpan(element),
            severity: 'warning',
            message: `<${element.name}> is a qcow2 option: libvirt ignores it for a raw image.`,
            fixes: (context) => [{ title: `Remove <${element.name}>`, edits: [removeElement(element, context)], preferred: true }],
          });
    } else if (format !== 'qcow2' && (compatText || features))
      problems.push({
        ...nameSpan((compatText ? compat : features)!),
        message: refusedAtDefine(
          `<compat> and <features> with a ${format} image`,
          'compatibility option only available with qcow2',
          'storage volume',
        ),
      });
    else if (format === 'qcow2' && features) {
      for (const feature of features.children)
        if (!FEATURES.has(feature.name))
          problems.push({
            ...nameSpan(feature),
            message: refusedAtDefine(`<${feature.name}> is not a qcow2 feature`, `unsupported feature ${feature.name}`, 'storage volume'),
          });
        else if (compatText === '0.10')
          problems.push({
            ...nameSpan(feature),
            message: refusedAtDefine(
              `${feature.name} with compat 0.10`,
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
          message: 'The <backingStore> has no <path>: libvirt ignores it and creates a standalone image.',
          fixes: (context) => [{ title: 'Remove <backingStore>', edits: [removeElement(backing, context)] }],
        });
      else if (format === 'raw')
        problems.push({
          ...nameSpan(backing),
          message: refusedAtCreate('A raw image has no backing store', 'backing storage not supported for raw volumes'),
        });
      else if (!attributeValue(firstChild(backing, 'format'), 'type'))
        problems.push({
          ...nameSpan(backing),
          severity: 'warning',
          message:
            'The <backingStore> has no <format>: libvirt writes the image with a raw backing file (it does not probe), which breaks a qcow2 base.',
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
          message: refusedAtCreate(kind ? `${kind} encryption of a ${format} image` : 'Encryption without format=', says),
        });
    }
    problems.sort((a, b) => a.start - b.start);
    for (const problem of problems) report(problem);
  },
};
