// The `libvirt:` file system: libvirt://<connection>/domains/<name>.xml (and networks, pools, volumes) read with
// dumpxml --inactive and written by defining, through the language server's live commands. Safer than virsh edit:
// a refused define fails the save (the buffer and its dirty state stay, the host keeps the old definition), errors
// ask first, a definition changed by someone else since it was read is never silently overwritten, and what libvirt
// dropped (comments included) is reported.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, DIAGNOSTIC_SOURCE, type LiveKind, type SaveObjectReply } from '../../../server/src/protocol';
import { type DefinedNotice, reportDroppedParts } from '../commands/droppedParts';
import { showStoredXml } from '../commands/storedXml';
import { serverCommand } from '../serverCommands';
import { connectionTitle, type ResolvedLive, resolveLive } from './liveTargets';
import { ask } from './prompts';

const FOLDERS: ReadonlyArray<[string, LiveKind]> = [
  ['domains', 'domain'],
  ['networks', 'network'],
  ['pools', 'pool'],
  ['volumes', 'volume'],
];

/** What a save says once libvirt stored the definition of an object of a kind. */
function savedNotice(kind: LiveKind, name: string): DefinedNotice {
  switch (kind) {
    case 'domain':
      return {
        done: vscode.l10n.t("Domain '{0}' defined.", name),
        changed: (count, first) =>
          vscode.l10n.t("Domain '{0}' defined, but libvirt dropped or rewrote {1} part(s): {2}", name, count, first),
      };
    case 'network':
      return {
        done: vscode.l10n.t("Network '{0}' defined.", name),
        changed: (count, first) =>
          vscode.l10n.t("Network '{0}' defined, but libvirt dropped or rewrote {1} part(s): {2}", name, count, first),
      };
    case 'pool':
      return {
        done: vscode.l10n.t("Pool '{0}' defined.", name),
        changed: (count, first) => vscode.l10n.t("Pool '{0}' defined, but libvirt dropped or rewrote {1} part(s): {2}", name, count, first),
      };
    case 'volume':
      return {
        done: vscode.l10n.t("Volume '{0}' defined.", name),
        changed: (count, first) =>
          vscode.l10n.t("Volume '{0}' defined, but libvirt dropped or rewrote {1} part(s): {2}", name, count, first),
      };
  }
}

export class LiveFileSystem implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  /** What each document was read as, or last saved as: the base a save is checked against. */
  private readonly bases = new Map<string, { readonly xml: string }>();
  /**
   * When each document was last saved from here. VS Code compares what stat() says before a save with what it said
   * when it opened the document (mtime and size) and refuses a save when they differ: stat() must not change when
   * the document is only read. Changes made elsewhere are caught by the save's own check against its base.
   */
  private readonly savedAt = new Map<string, number>();
  private readonly warnedComments = new Set<string>();

  constructor(
    private readonly client: LanguageClient,
    private readonly output: vscode.OutputChannel,
    /** Called after a save or action changed something on a connection (the explorer refreshes). */
    private readonly onDefined: () => void,
  ) {}

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (!uri.path.endsWith('.xml')) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const readonly = uri.path.startsWith('/volumes/') ? vscode.FilePermission.Readonly : undefined;
    return { type: vscode.FileType.File, ctime: 0, mtime: this.savedAt.get(uri.toString()) ?? 0, size: 0, permissions: readonly };
  }

  async readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    const folder = FOLDERS.find(([name]) => uri.path === `/${name}`);
    if (uri.path === '/' || uri.path === '') return FOLDERS.slice(0, 3).map(([name]) => [name, vscode.FileType.Directory]);
    if (!folder || folder[1] === 'volume') return [];
    const resolved = resolveLive(uri.with({ path: `${uri.path}/x.xml` }));
    if (typeof resolved === 'string') throw vscode.FileSystemError.FileNotFound(resolved);
    const listed = await serverCommand(this.client, COMMANDS.listObjects, [{ connection: resolved.connection.uri, kind: folder[1] }]);
    if (!listed.ok) throw vscode.FileSystemError.Unavailable(listed.message);
    return listed.objects.map((object) => [`${object.name}.xml`, vscode.FileType.File]);
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const live = this.resolve(uri);
    const reply = await serverCommand(this.client, COMMANDS.readObject, [live.target]);
    if (!reply.ok)
      throw vscode.FileSystemError.FileNotFound(
        vscode.l10n.t('{0} on {1}: {2}', live.target.name, connectionTitle(live.connection), reply.message),
      );
    this.bases.set(uri.toString(), { xml: reply.stdout });
    return new TextEncoder().encode(reply.stdout);
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const live = this.resolve(uri);
    const { target } = live;
    const where = connectionTitle(live.connection);
    if (target.kind === 'volume') throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('libvirt cannot redefine a storage volume.'));
    const text = new TextDecoder().decode(content);
    const errors = vscode.languages
      .getDiagnostics(uri)
      .filter((d) => d.severity === vscode.DiagnosticSeverity.Error && d.source === DIAGNOSTIC_SOURCE);
    if (errors.length > 0) {
      const saveAnyway = vscode.l10n.t('Save Anyway');
      const choice = await ask(
        errors.length === 1
          ? vscode.l10n.t("'{0}' has {1} error libvirt may refuse. Save (define) it on {2} anyway?", target.name, errors.length, where)
          : vscode.l10n.t("'{0}' has {1} errors libvirt may refuse. Save (define) it on {2} anyway?", target.name, errors.length, where),
        errors
          .slice(0, 3)
          .map((e) => e.message)
          .join('\n'),
        saveAnyway,
      );
      if (choice !== saveAnyway)
        throw new vscode.FileSystemError(vscode.l10n.t("Not saved: '{0}' has errors (nothing was defined).", target.name));
    }
    if (text.includes('<!--') && !this.warnedComments.has(uri.toString())) {
      this.warnedComments.add(uri.toString());
      void vscode.window.showWarningMessage(
        vscode.l10n.t("libvirt keeps no XML comments: the comments in '{0}' will not be in its stored definition.", target.name),
      );
    }
    const base = this.bases.get(uri.toString())?.xml;
    let reply = await this.save(live, text, base, false);
    if (reply.conflict) {
      const compare = vscode.l10n.t('Compare');
      const overwrite = vscode.l10n.t('Overwrite');
      const reload = vscode.l10n.t('Reload');
      const choice = await ask(reply.message, undefined, compare, overwrite, reload);
      if (choice === overwrite) reply = await this.save(live, text, base, true);
      else {
        if (choice === compare) await this.compareWithLive(live, reply.conflict.current, uri);
        if (choice === reload) {
          // The user chose the live definition: read it, and put it in the editor after this save fails.
          this.bases.set(uri.toString(), { xml: reply.conflict.current });
          setTimeout(() => void this.revert(uri), 0);
        }
        throw new vscode.FileSystemError(vscode.l10n.t('Not saved: {0}', reply.message));
      }
    }
    if (!reply.ok) {
      this.output.appendLine(vscode.l10n.t('Saving {0} on {1} failed:\n{2}', uri.toString(true), where, reply.stderr || reply.message));
      throw new vscode.FileSystemError(vscode.l10n.t('libvirt refused it: {0}', reply.message));
    }
    this.bases.set(uri.toString(), { xml: reply.stored ?? text });
    this.savedAt.set(uri.toString(), Date.now());
    this.onDefined();
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    if (document) reportDroppedParts(target.name, reply, document, this.output, savedNotice(target.kind, target.name));
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('libvirt objects are created by saving their XML, not as folders.'));
  }

  delete(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Undefine it from the Libvirt explorer.'));
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Rename a shut-off domain with virsh domrename.'));
  }

  private resolve(uri: vscode.Uri): ResolvedLive {
    const live = resolveLive(uri);
    if (typeof live === 'string') throw vscode.FileSystemError.FileNotFound(live);
    return live;
  }

  private save(live: ResolvedLive, text: string, base: string | undefined, force: boolean): Promise<SaveObjectReply> {
    return Promise.resolve(
      vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('Defining {0} on {1}…', live.target.name, connectionTitle(live.connection)),
        },
        () => serverCommand(this.client, COMMANDS.saveObject, [{ target: live.target, text, base, force }]),
      ),
    );
  }

  private async compareWithLive(live: ResolvedLive, current: string, uri: vscode.Uri): Promise<void> {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    if (!document) return;
    await showStoredXml(
      vscode.l10n.t('{0} (now on {1})', live.target.name, live.connection.name),
      current,
      document,
      vscode.l10n.t('{0}: now on {1} ↔ your edit', live.target.name, live.connection.name),
    );
  }

  private async revert(uri: vscode.Uri): Promise<void> {
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === uri.toString());
    if (!editor) return;
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
}
