import { messages } from '../../l10n/message';
import { setAttribute } from '../edits/xmlEdits';
import { QEMU_NAMESPACE_DOCS } from '../libvirtDocs';
import { tagSpan } from '../validation/spans';
import type { XmlElement } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('qemu-namespace-undeclared', {
  wrongUri: "xmlns:qemu is '{value}', not '{uri}'",
  notDeclared: "<domain> does not declare xmlns:qemu='{uri}'",
  dropped: 'libvirt silently drops <{name}>: {why}.',
  declare: "Declare xmlns:qemu='{uri}' on <domain>",
});

export const QEMU_NAMESPACE_URI = 'http://libvirt.org/schemas/domain/qemu/1.0';

export const qemuNamespaceUndeclared: Rule = {
  id: 'qemu-namespace-undeclared',
  severity: 'warning',
  title: 'qemu: elements without the QEMU namespace declared on <domain>',
  explanation:
    '<qemu:commandline>, <qemu:capabilities> and <qemu:override> are read only when <domain> declares ' +
    `xmlns:qemu='${QEMU_NAMESPACE_URI}'. Without it (or with another URI) libvirt accepts the domain and silently drops ` +
    'these elements: the extra QEMU arguments are simply gone after define.',
  docs: QEMU_NAMESPACE_DOCS,
  check({ model, report }) {
    const declared = model.root.attributes.find((a) => a.name === 'xmlns:qemu');
    if (declared?.value === QEMU_NAMESPACE_URI) return;
    for (const element of model.root.children) {
      if (!element.name.startsWith('qemu:') || declaresQemu(element)) continue;
      const why = declared ? M.wrongUri({ value: declared.value, uri: QEMU_NAMESPACE_URI }) : M.notDeclared({ uri: QEMU_NAMESPACE_URI });
      report({
        ...tagSpan(element),
        message: M.dropped({ name: element.name, why }),
        fixes: (context) => [
          {
            title: M.declare({ uri: QEMU_NAMESPACE_URI }),
            edits: [setAttribute(model.root, 'xmlns:qemu', QEMU_NAMESPACE_URI, context)],
            preferred: true,
          },
        ],
      });
    }
  },
};

/** A declaration on the element itself also binds the prefix (libvirt then still drops it only if the URI is wrong). */
function declaresQemu(element: XmlElement): boolean {
  return element.attributes.some((a) => a.name === 'xmlns:qemu' && a.value === QEMU_NAMESPACE_URI);
}
