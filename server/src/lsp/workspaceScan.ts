// The workspace's network and pool files on disk, for the checks across documents: its folders walked once at
// start (XML files only, without dependency and VCS folders), bounded in files, size and depth so that a huge
// workspace costs little. Open documents are indexed from the editor's text instead.

import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', 'dist', 'out', 'build', 'target']);
const MAX_FILES = 2000;
const MAX_BYTES = 1 << 20;
const MAX_DEPTH = 8;

/** Calls `found` with each XML file's URI and text under the folders (file: URIs), up to the bounds. */
export async function scanWorkspace(folderUris: readonly string[], found: (uri: string, text: string) => void): Promise<number> {
  let files = 0;
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH || files >= MAX_FILES) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (files >= MAX_FILES) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name) && !entry.name.startsWith('.')) await walk(path, depth + 1);
      } else if (entry.isFile() && entry.name.endsWith('.xml')) {
        files++;
        try {
          if ((await stat(path)).size > MAX_BYTES) continue;
          found(pathToFileURL(path).href, await readFile(path, 'utf8'));
        } catch {
          // Unreadable: not part of the workspace's definitions.
        }
      }
    }
  };
  for (const uri of folderUris) {
    if (!uri.startsWith('file:')) continue;
    await walk(fileURLToPath(uri), 0);
  }
  return files;
}

/** A file's text on disk now (after its editor closed), or undefined. */
export async function readOnDisk(uri: string): Promise<string | undefined> {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return await readFile(fileURLToPath(uri), 'utf8');
  } catch {
    return undefined;
  }
}
