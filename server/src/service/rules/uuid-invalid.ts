import { messages } from '../../l10n/message';
import { removeElement, replaceText } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { parseUuid } from '../model/uuid';
import { textOrTagSpan } from '../validation/spans';
import { firstChild } from '../xml/xmlTree';
import { rawText } from './enum-value-invalid';
import type { Rule } from './rule';

const M = messages('uuid-invalid', {
  empty:
    "'{text}' is not a UUID: libvirt takes an empty <uuid> as none and generates one. It needs 32 hex digits, like 4dea22b3-1d52-d8f3-2516-782e98ab3fa0.",
  malformed:
    '\'{text}\' is not a UUID: libvirt refuses the domain ("{libvirtSays}"). It needs 32 hex digits, like 4dea22b3-1d52-d8f3-2516-782e98ab3fa0.',
  removeUuid: 'Remove the <uuid> (libvirt generates one)',
  randomUuid: 'Replace with a new random UUID',
});

export const uuidInvalid: Rule = {
  id: 'uuid-invalid',
  severity: 'error',
  title: 'The domain <uuid> is malformed',
  explanation:
    '<uuid> must hold 32 hex digits (dashes allowed between pairs), e.g. 4dea22b3-1d52-d8f3-2516-782e98ab3fa0. ' +
    'libvirt refuses anything else ("malformed uuid element"). Leave it out to have one generated.',
  docs: DOCS.general,
  check({ model, document, report }) {
    const uuid = firstChild(model.root, 'uuid');
    if (!uuid) return;
    if (parseUuid(uuid.text)) return;
    const empty = rawText(uuid, document) === '';
    report({
      ...textOrTagSpan(uuid),
      // libvirt takes an empty <uuid> for none and generates one: accepted, and changed.
      severity: empty ? 'warning' : undefined,
      message: empty ? M.empty({ text: uuid.text.trim() }) : M.malformed({ text: uuid.text.trim(), libvirtSays: 'malformed uuid element' }),
      fixes: (context) => [
        { title: M.removeUuid(), edits: [removeElement(uuid, context)], preferred: true },
        { title: M.randomUuid(), edits: [replaceText(uuid, context.randomUuid())] },
      ],
    });
  },
};
