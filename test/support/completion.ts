// Completion as an editor does it: ask at the '|' of a text, then accept an item, expanding its snippet with
// the first choice of each placeholder.

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import type { HostFacts } from '../../server/src/service/hostFacts';
import { applyTextEdits } from './edits';
import { createTestService } from './fakeHost';

export interface Completion {
  readonly items: CompletionItem[];
  readonly labels: string[];
  /** The document after accepting the item with this label (first choices, empty tab stops). */
  accept(label: string): string;
}

/** A snippet as the editor inserts it when the user takes every default. */
export function expandSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|((?:\\.|[^,|])*)(?:,(?:\\.|[^|])*)?\|\}/g, (_, first: string) => first)
    .replace(/\$\{\d+:((?:\\.|[^}])*)\}/g, (_, value: string) => value)
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([$}\\,|])/g, '$1');
}

export function completeAt(marked: string, host: HostFacts = { arch: 'x86_64' }): Completion {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('mark the cursor with |');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const document = TextDocument.create('file:///complete.xml', 'xml', 1, text);
  const { items } = createTestService(host).completion(document, document.positionAt(offset));
  const sorted = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  return {
    items: sorted,
    labels: sorted.map((item) => item.label),
    accept(label) {
      const item = sorted.find((candidate) => candidate.label === label);
      if (!item) throw new Error(`no item ${label}; offered: ${sorted.map((i) => i.label).join(', ')}`);
      const main = item.textEdit as TextEdit;
      const edits: TextEdit[] = [
        { range: main.range, newText: item.insertTextFormat === 2 ? expandSnippet(main.newText) : main.newText },
        ...(item.additionalTextEdits ?? []),
      ];
      return applyTextEdits(document, edits);
    },
  };
}
