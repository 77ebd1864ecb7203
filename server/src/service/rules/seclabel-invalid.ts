import { messages, type Text } from '../../l10n/message';
import { removeAttribute, removeElement, setAttribute } from '../edits/xmlEdits';
import type { FixContext } from '../languageTypes';
import { DOCS } from '../libvirtDocs';
import { CHAR_DEVICE_KINDS } from '../model/chardevTargets';
import { refusedAtDefine as refused, refusedAtStart } from '../refusals';
import { attribute, childrenNamed, firstChild, nameSpan, valueSpan, type XmlAttribute, type XmlElement } from '../xml/xmlTree';
import type { Problem, Rule } from './rule';

const M = messages('seclabel-invalid', {
  secondWithoutModel: 'A second <seclabel> without model=',
  secondOfModel: "A second <seclabel> of model '{name}'",
  withoutModelBesideAnother: 'A <seclabel> without model= beside another',
  staticWithoutModel: 'A static <seclabel> without model=',
  baselabelWithoutModel: 'A <seclabel> with a <baselabel> without model=',
  notSecurityDriver: "'{value}' is not a security driver (selinux, apparmor, dac, none)",
  typeInvalid: 'A seclabel type other than dynamic, static or none',
  dynamicWithoutRelabel: "A dynamic seclabel with relabel='no'",
  removeRelabelDynamic: 'Remove relabel= (dynamic labels relabel)',
  noneWithRelabel: "A seclabel of type 'none' with relabel='yes'",
  removeRelabel: 'Remove relabel=',
  staticWithoutLabel: 'A static seclabel without a <label>',
  runtimeLabel:
    '<{name}> in a {type} seclabel: it is what a running domain shows (libvirt makes it at start); libvirt ignores it and drops it on define.',
  removeElement: 'Remove the <{name}>',
  secondOfModelInSource: "A second <seclabel> of model '{name}' in one <source>",
  labelWithoutRelabel: "A <label> with relabel='no'",
  changeToRelabelYes: "Change to relabel='yes'",
  removeLabel: 'Remove the <label>',
  relabelInvalid: "relabel= is neither 'yes' nor 'no'",
});

/** The security drivers libvirt has (a model names one of them, or 'none'). */
const SECURITY_MODELS = new Set(['selinux', 'apparmor', 'dac', 'none']);
const LABEL_TYPES = new Set(['dynamic', 'static', 'none']);
/** libvirt's VIR_SECURITY_LABEL_BUFLEN: a longer label is no label. */
const LABEL_MAX = 4096 - 1;

const invalidValue = (name: string, value: string) => `Invalid value for attribute '${name}' in element 'seclabel': '${value}'.`;

/** The text libvirt reads of a child (XPath string(./NAME[1])), undefined when absent or empty. */
function childText(element: XmlElement, name: string): string | undefined {
  const child = firstChild(element, name);
  return child && child.text !== '' ? child.text : undefined;
}

const removeAttributeFix = (element: XmlElement, name: string, title: Text) => (context: FixContext) => {
  const attr = attribute(element, name);
  return attr ? [{ title, edits: [removeAttribute(element, attr, context)], preferred: true }] : [];
};

export const seclabelInvalid: Rule = {
  id: 'seclabel-invalid',
  severity: 'error',
  title: 'A <seclabel> libvirt refuses (its type, relabel and label do not go together, a model missing or twice) or drops',
  explanation:
    "A domain <seclabel> is dynamic (libvirt makes the label; relabel='no' is refused), static (its <label> is " +
    "required) or none (relabel='yes' is refused). With several seclabels each names its model, once; a static label " +
    "names it even alone. A disk or character device <seclabel> with relabel='no' takes no <label>. A model other " +
    'than selinux, apparmor, dac or none is refused at start ("Security driver model \'…\' is not available"). A ' +
    '<label> of a dynamic seclabel and an <imagelabel> are what a running domain shows: libvirt drops them on define.',
  docs: DOCS.seclabel,
  check({ model, report }) {
    const problems: Problem[] = [];
    const qemu = model.type?.value === 'kvm' || model.type?.value === 'qemu';
    const seclabels = childrenNamed(model.root, 'seclabel');
    seclabels.forEach((seclabel, i) => {
      checkDomainSeclabel(seclabel, problems);
      const modelAttribute = attribute(seclabel, 'model');
      const name = modelAttribute?.value;
      if (qemu && modelAttribute) checkModel(modelAttribute, problems);
      const earlier = seclabels.slice(0, i).find((other) => attribute(other, 'model')?.value === name);
      if (earlier)
        problems.push({
          ...(modelAttribute ? valueSpan(modelAttribute) : nameSpan(seclabel)),
          message: refused(
            name === undefined ? M.secondWithoutModel() : M.secondOfModel({ name }),
            `seclabel for model ${name ?? '(null)'} is already provided`,
          ),
        });
      else if (name === undefined && seclabels.length > 1)
        problems.push({
          ...nameSpan(seclabel),
          message: refused(M.withoutModelBesideAnother(), 'missing security model when using multiple labels'),
        });
      else if (name === undefined) {
        const type = attribute(seclabel, 'type')?.value ?? 'dynamic';
        if (type === 'static' || (type === 'dynamic' && childText(seclabel, 'baselabel') !== undefined))
          problems.push({
            ...nameSpan(seclabel),
            message: refused(
              type === 'static' ? M.staticWithoutModel() : M.baselabelWithoutModel(),
              'missing security model in domain seclabel',
            ),
          });
      }
    });
    for (const device of model.devices)
      if (device.source && (device.kind === 'disk' || CHAR_DEVICE_KINDS.has(device.kind)))
        checkDeviceSeclabels(device.source, qemu, problems);
    problems.sort((a, b) => a.start - b.start);
    for (const problem of problems) report(problem);
  },
};

function checkModel(modelAttribute: XmlAttribute, problems: Problem[]): void {
  if (SECURITY_MODELS.has(modelAttribute.value)) return;
  problems.push({
    ...valueSpan(modelAttribute),
    message: refusedAtStart(
      M.notSecurityDriver({ value: modelAttribute.value }),
      `Security driver model '${modelAttribute.value}' is not available`,
      'virsh start',
    ),
  });
}

function checkDomainSeclabel(seclabel: XmlElement, problems: Problem[]): void {
  const typeAttribute = attribute(seclabel, 'type');
  if (typeAttribute && !LABEL_TYPES.has(typeAttribute.value)) {
    problems.push({
      ...valueSpan(typeAttribute),
      message: refused(M.typeInvalid(), invalidValue('type', typeAttribute.value)),
    });
    return;
  }
  const type = typeAttribute?.value ?? 'dynamic';
  const relabelAttribute = attribute(seclabel, 'relabel');
  if (relabelInvalid(relabelAttribute, problems)) return;
  const relabel = relabelAttribute ? relabelAttribute.value === 'yes' : type === 'dynamic';
  if (type === 'dynamic' && !relabel) {
    problems.push({
      ...valueSpan(relabelAttribute!),
      message: refused(M.dynamicWithoutRelabel(), 'dynamic label type must use resource relabeling'),
      fixes: removeAttributeFix(seclabel, 'relabel', M.removeRelabelDynamic()),
    });
    return;
  }
  if (type === 'none' && relabel) {
    problems.push({
      ...valueSpan(relabelAttribute!),
      message: refused(M.noneWithRelabel(), "resource relabeling is not compatible with 'none' label type"),
      fixes: removeAttributeFix(seclabel, 'relabel', M.removeRelabel()),
    });
    return;
  }
  // Model 'none' has no labels: libvirt takes it as type 'none' whatever it says.
  if (attribute(seclabel, 'model')?.value === 'none') return;
  const label = childText(seclabel, 'label');
  if (type === 'static' && (label === undefined || label.length > LABEL_MAX))
    problems.push({
      ...nameSpan(seclabel),
      message: refused(M.staticWithoutLabel(), 'security label is missing'),
    });
  const dropped = [type === 'dynamic' ? firstChild(seclabel, 'label') : undefined, firstChild(seclabel, 'imagelabel')];
  for (const element of dropped)
    if (element)
      problems.push({
        ...nameSpan(element),
        severity: 'warning',
        message: M.runtimeLabel({ name: element.name, type }),
        fixes: (context) => [{ title: M.removeElement({ name: element.name }), edits: [removeElement(element, context)], preferred: true }],
      });
}

/** The <seclabel> overrides of a disk's or character device's <source>. */
function checkDeviceSeclabels(source: XmlElement, qemu: boolean, problems: Problem[]): void {
  const seclabels = childrenNamed(source, 'seclabel');
  seclabels.forEach((seclabel, i) => {
    const modelAttribute = attribute(seclabel, 'model');
    const name = modelAttribute?.value;
    if (modelAttribute) {
      if (qemu) checkModel(modelAttribute, problems);
      if (seclabels.slice(0, i).some((other) => attribute(other, 'model')?.value === name))
        problems.push({
          ...valueSpan(modelAttribute),
          message: refused(M.secondOfModelInSource({ name: modelAttribute.value }), `seclabel for model ${name} is already provided`),
        });
    }
    const relabelAttribute = attribute(seclabel, 'relabel');
    if (relabelInvalid(relabelAttribute, problems)) return;
    const label = childText(seclabel, 'label');
    if (relabelAttribute?.value === 'no' && label !== undefined && label.length <= LABEL_MAX)
      problems.push({
        ...valueSpan(relabelAttribute),
        message: refused(M.labelWithoutRelabel(), `Cannot specify a label if relabelling is turned off. model=${name ?? '<null>'}`),
        fixes: (context) => [
          { title: M.changeToRelabelYes(), edits: [setAttribute(seclabel, 'relabel', 'yes', context)], preferred: true },
          { title: M.removeLabel(), edits: [removeElement(firstChild(seclabel, 'label')!, context)] },
        ],
      });
  });
}

/** relabel= other than yes or no, reported; libvirt refuses it before anything else of the label. */
function relabelInvalid(relabel: XmlAttribute | undefined, problems: Problem[]): boolean {
  if (!relabel || relabel.value === 'yes' || relabel.value === 'no') return false;
  problems.push({ ...valueSpan(relabel), message: refused(M.relabelInvalid(), invalidValue('relabel', relabel.value)) });
  return true;
}
