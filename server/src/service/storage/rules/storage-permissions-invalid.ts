import { messages } from '../../../l10n/message';
import type { DocumentFixContext, DocumentModel } from '../../languageTypes';
import { STORAGE_DOCS } from '../../libvirtDocs';
import type { Rule } from '../../rules/rule';
import { firstChild, nameSpan, type XmlElement } from '../../xml/xmlTree';
import { refusedAtDefine } from '../storageMessages';

const M = messages('storage-permissions-invalid', {
  modeNotOctal: 'The mode {mode} is not octal up to 0777',
  ownerNotNumeric: "The owner '{value}' is not a numeric id",
  groupNotNumeric: "The group '{value}' is not a numeric id",
});

/** Every <permissions> of a pool or volume (its target's, a backing store's). */
function permissionsOf(root: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (element: XmlElement) => {
    for (const child of element.children) {
      if (child.name === 'permissions') found.push(child);
      else walk(child);
    }
  };
  walk(root);
  return found;
}

const MAX_ID = 2n ** 32n - 1n;

/** An owner or group libvirt takes: an integer from -1 (unset) to 2^32 - 1. */
function validId(text: string): boolean {
  if (!/^-?\d+$/.test(text)) return false;
  const value = BigInt(text);
  return value >= -1n && value <= MAX_ID;
}

export const storagePermissionsInvalid: Rule<DocumentModel, DocumentFixContext> = {
  id: 'storage-permissions-invalid',
  severity: 'error',
  title: 'A <permissions> mode that is not octal up to 0777, or an owner or group that is not a number',
  explanation:
    "libvirt reads a pool's or volume's <permissions><mode> as octal and refuses anything else or above 0777 (the " +
    'sticky and setuid bits included: "malformed octal mode"); <owner> and <group> are numeric ids (-1 for unset), ' +
    'not names: "malformed owner element".',
  docs: STORAGE_DOCS.poolTarget,
  check({ model, report }) {
    const what = model.root.name === 'volume' ? 'storage volume' : 'storage pool';
    for (const permissions of permissionsOf(model.root)) {
      const mode = firstChild(permissions, 'mode');
      const modeText = mode?.text.trim();
      if (mode && modeText && !(/^[0-7]+$/.test(modeText) && Number.parseInt(modeText, 8) <= 0o777))
        report({
          ...nameSpan(mode),
          message: refusedAtDefine(M.modeNotOctal({ mode: modeText }), 'malformed octal mode', what),
        });
      for (const [name, notNumeric] of [
        ['owner', M.ownerNotNumeric],
        ['group', M.groupNotNumeric],
      ] as const) {
        const element = firstChild(permissions, name);
        if (element && !validId(element.text.trim()))
          report({
            ...nameSpan(element),
            message: refusedAtDefine(notNumeric({ value: element.text.trim() }), `malformed ${name} element`, what),
          });
      }
    }
  },
};
