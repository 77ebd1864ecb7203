// After libvirt stored a definition: say it was defined, or what it dropped or rewrote (in the output, and a notice
// that opens the stored XML beside the document).

import * as vscode from 'vscode';
import type { DroppedPart } from '../../../server/src/protocol';
import { showStoredXml } from './storedXml';

/** What to say once libvirt stored a definition: that it did, or that it did with changes (how many, the first few). */
export interface DefinedNotice {
  readonly done: string;
  changed(count: number, first: string): string;
}

export function reportDroppedParts(
  name: string,
  reply: { readonly differences: readonly DroppedPart[]; readonly stored?: string },
  document: vscode.TextDocument,
  output: vscode.OutputChannel,
  notice: DefinedNotice,
): void {
  if (reply.differences.length === 0) {
    void vscode.window.showInformationMessage(notice.done);
    return;
  }
  output.appendLine(vscode.l10n.t('libvirt dropped or rewrote {0} part(s) of {1}:', reply.differences.length, document.uri.toString(true)));
  for (const difference of reply.differences)
    output.appendLine(vscode.l10n.t('  line {0}: {1}: {2}', difference.line + 1, difference.path, difference.detail));
  const first = reply.differences
    .slice(0, 3)
    .map((d) => d.detail)
    .join('; ');
  const openStored = vscode.l10n.t('Open Stored XML');
  const showOutput = vscode.l10n.t('Show Output');
  void vscode.window.showWarningMessage(notice.changed(reply.differences.length, first), openStored, showOutput).then(async (choice) => {
    if (choice === openStored && reply.stored) await showStoredXml(name, reply.stored, document);
    if (choice === showOutput) output.show(true);
  });
}
