// Read-only documents holding what libvirt stored for a domain, opened beside the file or in a diff.

import * as vscode from 'vscode';

export const STORED_SCHEME = 'libvirt-stored';
const contents = new Map<string, string>();
const changed = new vscode.EventEmitter<vscode.Uri>();

export const storedXmlProvider: vscode.TextDocumentContentProvider = {
  onDidChange: changed.event,
  provideTextDocumentContent: (uri) => contents.get(uri.toString()) ?? '',
};

export function storedUri(name: string): vscode.Uri {
  return vscode.Uri.from({ scheme: STORED_SCHEME, path: `/${encodeURIComponent(name)}.xml` });
}

/** Opens libvirt's stored XML: beside the file, or (with a title) as a diff against it. */
export async function showStoredXml(name: string, xml: string, file?: vscode.TextDocument, diffTitle?: string): Promise<vscode.Disposable> {
  const uri = storedUri(name);
  contents.set(uri.toString(), xml);
  changed.fire(uri);
  if (diffTitle && file) {
    await vscode.commands.executeCommand('vscode.diff', uri, file.uri, diffTitle, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  } else {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(document, 'libvirt-xml');
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
  return new vscode.Disposable(() => contents.delete(uri.toString()));
}
