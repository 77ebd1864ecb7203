// Domains real libvirt accepts, written by others: a subset of libvirt's own test domains and the output of
// virt-install and `virsh dumpxml` (see the README in each folder).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS_DIR = join(__dirname, '..', 'corpus', 'libvirt-9.0.0', 'qemuxml2xmloutdata');
export const VIRT_INSTALL_DIR = join(__dirname, '..', 'corpus', 'virt-install');

export interface CorpusFile {
  readonly name: string;
  readonly text: string;
}

export function corpusFiles(): CorpusFile[] {
  return [CORPUS_DIR, VIRT_INSTALL_DIR].flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.xml'))
      .sort()
      .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') })),
  );
}

/** libvirt's tests pretend the host has the guest's architecture; lint them the same way. */
export function guestArchOf(text: string): string {
  return /<type[^>]*\barch=['"]([^'"]+)['"]/.exec(text)?.[1] ?? 'x86_64';
}
