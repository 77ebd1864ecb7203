// Completion at a position: what the cursor is in decides which items; the domain and the host add theirs first.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CompletionItem, CompletionItemKind, type CompletionList, type Range } from 'vscode-languageserver-types';
import { cursorContextAt } from '../cursorContext';
import { documentStyle, lineStart } from '../edits/documentStyle';
import type { HostFacts } from '../hostFacts';
import type { DomainModel } from '../model/domainModel';
import { NAME_CHAR_CLASS } from '../xml/xmlNames';
import type { XmlDocument } from '../xml/xmlTree';
import { connectionTextItems, connectionValueItems, filterByDomainCapabilities } from './connectionCompletion';
import { domainValueItems } from './domainCompletion';
import {
  addressElementItems,
  blockDeviceItems,
  guestAddressAttributeItems,
  guestAddressValueItems,
  type HostCompletionContext,
  hostAddressAttributeItems,
} from './hostCompletion';
import { attributeNameItems, attributeValueItems, elementNameItems, textItems } from './schemaCompletion';

/** The rest of a name and its '>' after the cursor. */
const NAME_REST = new RegExp(`^${NAME_CHAR_CLASS}*>?`);

export function completionAt(
  document: TextDocument,
  xml: XmlDocument,
  model: DomainModel | undefined,
  host: HostFacts,
  offset: number,
): CompletionList {
  const context = cursorContextAt(xml, offset);
  const items: CompletionItem[] = [];
  if (context) {
    const range: Range = { start: document.positionAt(context.prefixStart), end: document.positionAt(offset) };
    const style = documentStyle(xml);
    const hostContext: HostCompletionContext | undefined = model ? { document, xml, model, host, style, range } : undefined;
    switch (context.kind) {
      case 'element-name': {
        if (hostContext) items.push(...addressElementItems(context, hostContext));
        const lt = context.prefixStart - 1;
        const indent = /^[ \t]*/.exec(xml.text.slice(lineStart(xml.text, lt), lt))![0];
        items.push(...elementNameItems(context, range, style, indent));
        break;
      }
      case 'attribute-name':
        if (hostContext)
          items.push(...hostAddressAttributeItems(context, hostContext), ...guestAddressAttributeItems(context, hostContext));
        items.push(...attributeNameItems(context, range, style));
        break;
      case 'attribute-value':
        if (hostContext)
          items.push(
            ...guestAddressValueItems(context, hostContext),
            ...blockDeviceItems(context, hostContext),
            ...domainValueItems(context, hostContext),
            ...connectionValueItems(context, hostContext),
          );
        items.push(
          ...(hostContext
            ? filterByDomainCapabilities(attributeValueItems(context, range), context, hostContext)
            : attributeValueItems(context, range)),
        );
        break;
      case 'text':
        if (hostContext) items.push(...connectionTextItems(context, hostContext));
        items.push(...textItems(context, range));
        break;
      case 'end-tag': {
        // Over the rest of a name already there and its '>': `</dom|ain>` becomes `</domain>`, not `</domain>ain>`.
        const rest = NAME_REST.exec(xml.text.slice(offset, offset + 200))![0];
        const whole = { start: range.start, end: document.positionAt(offset + rest.length) };
        items.push({
          label: `/${context.element.name}`,
          kind: CompletionItemKind.Module,
          filterText: context.element.name,
          detail: `closes <${context.element.name}>`,
          preselect: true,
          textEdit: { range: whole, newText: `${context.element.name}>` },
        });
        break;
      }
    }
  }
  return { isIncomplete: false, items };
}
