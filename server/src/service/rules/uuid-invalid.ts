import { removeElement, replaceText } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { parseUuid } from '../model/uuid';
import { textOrTagSpan } from '../validation/spans';
import { firstChild } from '../xml/xmlTree';
import { rawText } from './enum-value-invalid';
import type { Rule } from './rule';

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
      message:
        // libvirt takes an empty <uuid> for none and generates one.
        `'${uuid.text.trim()}' is not a UUID${empty ? ': libvirt takes an empty <uuid> as none and generates one.' : ': libvirt refuses the domain ("malformed uuid element").'} ` +
        'It needs 32 hex digits, like 4dea22b3-1d52-d8f3-2516-782e98ab3fa0.',
      fixes: (context) => [
        { title: 'Remove the <uuid> (libvirt generates one)', edits: [removeElement(uuid, context)], preferred: true },
        { title: 'Replace with a new random UUID', edits: [replaceText(uuid, context.randomUuid())] },
      ],
    });
  },
};
