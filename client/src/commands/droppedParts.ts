// After libvirt stored a definition: say it was defined, or what it dropped or rewrote (in the output, and a notice
// that opens the stored XML beside the document).

import * as vscode from 'vscode';
import type { DroppedPart } from '../../../server/src/protocol';
import { showStoredXml } from './storedXml';

export function reportDroppedParts(
  name: string,
  reply: { readonly differences: readonly DroppedPart[]; readonly stored?: string },
  document: vscode.TextDocument,
  output: vscode.OutputChannel,
  what = 'Domain',
  done = 'defined',
): void {
  if (reply.differences.length === 0) {
    void vscode.window.showInformationMessage(`${what} '${name}' ${done}.`);
    return;
  }
  output.appendLine(`libvirt dropped or rewrote ${reply.differences.length} part(s) of ${document.uri.toString(true)}:`);
  for (const difference of reply.differences) output.appendLine(`  line ${difference.line + 1}: ${difference.path}: ${difference.detail}`);
  const first = reply.differences
    .slice(0, 3)
    .map((d) => d.detail)
    .join('; ');
  void vscode.window
    .showWarningMessage(
      `${what} '${name}' ${done}, but libvirt dropped or rewrote ${reply.differences.length} part(s): ${first}`,
      'Open Stored XML',
      'Show Output',
    )
    .then(async (choice) => {
      if (choice === 'Open Stored XML' && reply.stored) await showStoredXml(name, reply.stored, document);
      if (choice === 'Show Output') output.show(true);
    });
}
