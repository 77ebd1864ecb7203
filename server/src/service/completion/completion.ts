// Completion at a position: what the cursor is in decides which items; the domain and the host add theirs first.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CompletionItem, CompletionItemKind, type CompletionList, InsertTextFormat, type Range } from 'vscode-languageserver-types';
import type { Locale } from '../../l10n/locale';
import { messages } from '../../l10n/message';
import { render } from '../../l10n/render';
import type { AnalysedDocument } from '../analysedDocument';
import { cursorContextAt } from '../cursorContext';
import { documentStyle, lineStart } from '../edits/documentStyle';
import type { HostFacts } from '../hostFacts';
import { NAME_CHAR_CLASS } from '../xml/xmlNames';
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

const M = messages('completion', {
  closes: 'closes <{element}>',
});

/** The rest of a name and its '>' after the cursor. */
const NAME_REST = new RegExp(`^${NAME_CHAR_CLASS}*>?`);

/** How the client takes an edit over a word that goes on after the cursor. */
export interface CompletionOptions {
  /** The client understands InsertReplaceEdit: insert up to the cursor, or replace the whole word (its choice). */
  readonly insertReplace?: boolean;
  /** The language of the items' details and documentation (English by default). */
  readonly locale?: Locale;
}

/** The rest of an element's text word after the cursor. */
const TEXT_REST = /^[^\s<>]*/;

export function completionAt(
  document: TextDocument,
  analysed: AnalysedDocument,
  host: HostFacts,
  offset: number,
  options: CompletionOptions = {},
): CompletionList {
  const { xml, model, kind } = analysed;
  const locale = options.locale ?? 'en';
  const context = cursorContextAt(xml, offset);
  const items: CompletionItem[] = [];
  // The schema's items come from the document kind's guide; a document of no kind has none.
  const guide = kind?.guide;
  if (context) {
    const range: Range = { start: document.positionAt(context.prefixStart), end: document.positionAt(offset) };
    const style = documentStyle(xml);
    const hostContext: HostCompletionContext | undefined = model ? { document, xml, model, host, style, range, locale } : undefined;
    switch (context.kind) {
      case 'element-name': {
        if (hostContext) items.push(...addressElementItems(context, hostContext));
        const lt = context.prefixStart - 1;
        const indent = /^[ \t]*/.exec(xml.text.slice(lineStart(xml.text, lt), lt))![0];
        if (guide) items.push(...elementNameItems(guide, context, range, style, indent, locale));
        break;
      }
      case 'attribute-name':
        if (hostContext)
          items.push(...hostAddressAttributeItems(context, hostContext), ...guestAddressAttributeItems(context, hostContext));
        if (guide) items.push(...attributeNameItems(guide, context, range, style, locale));
        break;
      case 'attribute-value':
        if (hostContext)
          items.push(
            ...guestAddressValueItems(context, hostContext),
            ...blockDeviceItems(context, hostContext),
            ...domainValueItems(context, hostContext),
            ...connectionValueItems(context, hostContext),
          );
        if (guide) {
          const values = attributeValueItems(guide, context, range, locale);
          items.push(...(hostContext ? filterByDomainCapabilities(values, context, hostContext) : values));
        }
        break;
      case 'text': {
        if (hostContext) items.push(...connectionTextItems(context, hostContext));
        if (guide) items.push(...textItems(guide, context, range, locale));
        // Between elements (a blank line, or a word typed there): the elements allowed here, '<' included.
        if (guide && (context.prefix === '' || /^[A-Za-z_][\w.:-]*$/.test(context.prefix))) {
          const lineStartAt = lineStart(xml.text, context.prefixStart);
          const before = xml.text.slice(lineStartAt, context.prefixStart);
          if (/^[ \t]*$/.test(before)) {
            const style = documentStyle(xml);
            const elementContext = {
              kind: 'element-name' as const,
              parent: context.element,
              prefix: context.prefix,
              prefixStart: context.prefixStart + 1,
            };
            for (const item of elementNameItems(guide, elementContext, range, style, before, locale)) {
              const edit = item.textEdit as { range: Range; newText: string };
              items.push({ ...item, filterText: item.label as string, textEdit: { range, newText: `<${edit.newText}` } });
            }
          }
        }
        break;
      }
      case 'end-tag': {
        // Over the rest of a name already there and its '>': `</dom|ain>` becomes `</domain>`, not `</domain>ain>`.
        const rest = NAME_REST.exec(xml.text.slice(offset, offset + 200))![0];
        const whole = { start: range.start, end: document.positionAt(offset + rest.length) };
        items.push({
          label: `/${context.element.name}`,
          kind: CompletionItemKind.Module,
          filterText: context.element.name,
          detail: render(M.closes({ element: context.element.name }), locale),
          preselect: true,
          textEdit: { range: whole, newText: `${context.element.name}>` },
        });
        break;
      }
    }
  }
  if (context && context.kind !== 'end-tag') {
    const rest = restOf(xml.text, offset, context);
    if (rest > 0) {
      // Renaming an attribute that has its value already (bu|z='sata'): the name alone, not name='…' again.
      if (context.kind === 'attribute-name' && /^\s*=/.test(xml.text.slice(offset + rest, offset + rest + 20))) {
        for (const item of items) {
          if (item.textEdit && 'range' in item.textEdit) item.textEdit = { ...item.textEdit, newText: String(item.label) };
          item.insertTextFormat = InsertTextFormat.PlainText;
        }
      }
      widen(items, document, offset, offset + rest, options);
    }
  }
  return { isIncomplete: false, items };
}

/** How many characters of the word being completed follow the cursor (up to the quote in a value). */
function restOf(text: string, offset: number, context: NonNullable<ReturnType<typeof cursorContextAt>>): number {
  const ahead = text.slice(offset, offset + 200);
  switch (context.kind) {
    case 'attribute-value': {
      return Math.max(ahead.search(new RegExp(`[${context.quote}<>\n]`)), 0);
    }
    case 'attribute-name':
    case 'element-name':
      return NAME_REST.exec(ahead)![0].replace(/>$/, '').length;
    case 'text':
      return TEXT_REST.exec(ahead)![0].length;
    default:
      return 0;
  }
}

/**
 * The items whose edit ends at the cursor also cover the rest of the word: an InsertReplaceEdit when the client
 * takes one (insert up to the cursor, replace the whole word), else an edit over the whole word — accepting
 * 'virtio' at bus='sa|ta' gives bus='virtio', never 'virtiota'.
 */
function widen(items: CompletionItem[], document: TextDocument, offset: number, end: number, options: CompletionOptions): void {
  const cursor = document.positionAt(offset);
  const replaceEnd = document.positionAt(end);
  for (const item of items) {
    const edit = item.textEdit;
    if (!edit || !('range' in edit) || edit.range.end.line !== cursor.line || edit.range.end.character !== cursor.character) continue;
    const replace = { start: edit.range.start, end: replaceEnd };
    item.textEdit = options.insertReplace
      ? { newText: edit.newText, insert: edit.range, replace }
      : { newText: edit.newText, range: replace };
  }
}
