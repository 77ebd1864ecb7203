import { messages, type Text } from '../../l10n/message';
import { removeAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { refusedAtDefine as refused } from '../refusals';
import { attribute, firstChild, nameSpan, textOf, valueSpan, type XmlAttribute, type XmlElement } from '../xml/xmlTree';
import type { Problem, Rule } from './rule';

const M = messages('firmware-loader-conflict', {
  readonlyWithFirmware: "readonly= on the <loader> of firmware='{firmware}'",
  typeWithFirmware: "type= on the <loader> of firmware='{firmware}'",
  loaderPathWithFirmware: "A loader path with firmware='{firmware}' (libvirt picks the loader)",
  nvramTemplateWithFirmware: "An NVRAM template with firmware='{firmware}'",
  secureNoWithFirmware: "secure='no' with firmware='{firmware}'",
  nvramWithFirmware: "<nvram> with firmware='{firmware}'",
  featuresWithoutEfi: "<firmware> features without <os firmware='efi'>",
  loaderWithoutPath: "A <loader> without its path (and no <os firmware='efi'> to choose one)",
  templateForStateless: 'An NVRAM template for a stateless loader',
  nvramForStateless: '<nvram> for a stateless loader',
  statelessNoNotPflash: "stateless='no' on a loader that is not pflash",
  secureBootNotQ35: 'Secure Boot on a machine other than q35',
  secureBootArch: 'Secure Boot for {arch}',
  secureBootWithoutSmm: "Secure Boot without <features><smm state='on'/>",
  removeAttribute: 'Remove {name}=',
});

/** <smm/> is on unless state='off'. */
function smmOn(features: XmlElement | undefined): boolean {
  const smm = firstChild(features, 'smm');
  return smm !== undefined && attribute(smm, 'state')?.value !== 'off';
}

export const firmwareLoaderConflict: Rule = {
  id: 'firmware-loader-conflict',
  severity: 'error',
  title:
    '<os firmware=…> with loader settings it chooses itself, a stateless loader with NVRAM, Secure Boot outside q35/x86_64 or without SMM',
  explanation:
    "With <os firmware='efi'> (or 'bios') libvirt picks the loader and its NVRAM template: it refuses a <loader> " +
    "path, readonly=, type=, secure='no' or an <nvram template=> beside it, and NVRAM with firmware='bios'. Without " +
    'firmware=, a <loader> needs its path and <firmware><feature> is refused. A stateless loader has no NVRAM; only a ' +
    "pflash loader has one. <loader secure='yes'> needs a q35 machine, an x86_64 guest and, without firmware=, " +
    "<features><smm state='on'/>. Each is refused at define with its own message.",
  docs: DOCS.bios,
  check({ model, report }) {
    const { firmware, loader, nvram } = model.os;
    const problems: Problem[] = [];
    const attr = (name: string) => (loader ? attribute(loader, name) : undefined);
    const removable = (a: XmlAttribute, problem: Text, says: string) =>
      problems.push({
        ...valueSpan(a),
        message: refused(problem, says),
        fixes: (context) => [
          { title: M.removeAttribute({ name: a.name }), edits: [removeAttribute(loader!, a, context)], preferred: true },
        ],
      });
    // <nvram> alone makes a loader definition too (libvirt keeps NVRAM in it).
    if (firmware && (loader || nvram)) {
      const auto = 'when firmware autoselection is enabled';
      const readonly = attr('readonly');
      const type = attr('type');
      const secure = attr('secure');
      if (readonly) removable(readonly, M.readonlyWithFirmware({ firmware }), `loader attribute 'readonly' cannot be specified ${auto}`);
      else if (type) removable(type, M.typeWithFirmware({ firmware }), `loader attribute 'type' cannot be specified ${auto}`);
      else if (loader && textOf(loader))
        // A path gives the loader a type, and libvirt reports the type.
        problems.push({
          start: loader.textStart,
          end: loader.textEnd,
          message: refused(M.loaderPathWithFirmware({ firmware }), `loader attribute 'type' cannot be specified ${auto}`),
        });
      else if (nvram && attribute(nvram, 'template'))
        problems.push({
          ...valueSpan(attribute(nvram, 'template')!),
          message: refused(M.nvramTemplateWithFirmware({ firmware }), `nvram attribute 'template' cannot be specified ${auto}`),
        });
      else if (secure?.value === 'no')
        removable(secure, M.secureNoWithFirmware({ firmware }), `loader attribute 'secure' cannot be specified ${auto}`);
    }
    if (firmware && firmware !== 'efi' && nvram)
      problems.push({
        ...nameSpan(nvram),
        message: refused(M.nvramWithFirmware({ firmware }), `firmware type '${firmware}' does not support nvram`),
      });
    if (!firmware) {
      const features = firstChild(model.os.element, 'firmware');
      if (features)
        problems.push({
          ...nameSpan(features),
          message: refused(
            M.featuresWithoutEfi(),
            'cannot use feature-based firmware autoselection when firmware autoselection is disabled',
          ),
        });
      if (loader && !textOf(loader))
        problems.push({
          ...nameSpan(loader),
          message: refused(M.loaderWithoutPath(), 'no loader path specified and firmware auto selection disabled'),
        });
    }
    const stateless = attr('stateless')?.value;
    if (stateless === 'yes' && nvram)
      problems.push({
        ...nameSpan(nvram),
        message: attribute(nvram, 'template')
          ? refused(M.templateForStateless(), 'NVRAM template is not permitted when loader is stateless')
          : refused(M.nvramForStateless(), 'NVRAM is not permitted when loader is stateless'),
      });
    if (stateless === 'no' && !firmware && attr('type')?.value !== 'pflash')
      problems.push({
        ...valueSpan(attr('stateless')!),
        message: refused(M.statelessNoNotPflash(), 'Only pflash loader type permits NVRAM'),
      });
    if (attr('secure')?.value === 'yes') {
      const secure = attr('secure')!;
      if (model.os.machineFamily !== 'q35')
        problems.push({
          ...valueSpan(secure),
          message: refused(M.secureBootNotQ35(), 'Secure boot is supported with q35 machine types only'),
        });
      else if (model.os.arch && model.os.arch !== 'x86_64')
        problems.push({
          ...valueSpan(secure),
          message: refused(M.secureBootArch({ arch: model.os.arch }), 'Secure boot is supported for x86_64 architecture only'),
        });
      else if (!firmware && !smmOn(model.features.element))
        problems.push({
          ...valueSpan(secure),
          message: refused(M.secureBootWithoutSmm(), 'Secure boot requires SMM feature enabled'),
        });
    }
    problems.sort((a, b) => a.start - b.start);
    for (const problem of problems) report(problem);
  },
};
