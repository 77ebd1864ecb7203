// The one edit applier of the tests: LSP text edits, and the versioned document change of a code action, applied
// to the document they were made for.

import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';

export function applyTextEdits(document: TextDocument, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(document, [...edits]);
}

/** The text after a code action: its one versioned text-document change, checked to be for this document's version. */
export function applyCodeAction(document: TextDocument, action: CodeAction): string {
  const change = action.edit?.documentChanges?.[0];
  assert.ok(change && 'edits' in change, `${action.title}: a versioned text document edit`);
  assert.equal(change.textDocument.version, document.version);
  return applyTextEdits(
    document,
    change.edits.filter((edit): edit is TextEdit => 'newText' in edit),
  );
}
