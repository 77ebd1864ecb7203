// The committed subset of libvirt's accepted test domains (see test/corpus/libvirt-9.0.0/README.md).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS_DIR = join(__dirname, '..', 'corpus', 'libvirt-9.0.0', 'qemuxml2xmloutdata');

export interface CorpusFile {
  readonly name: string;
  readonly text: string;
}

export function corpusFiles(): CorpusFile[] {
  return readdirSync(CORPUS_DIR).filter((name) => name.endsWith('.xml')).sort()
    .map((name) => ({ name, text: readFileSync(join(CORPUS_DIR, name), 'utf8') }));
}

/** libvirt's tests pretend the host has the guest's architecture; lint them the same way. */
export function guestArchOf(text: string): string {
  return /<type[^>]*\barch=['"]([^'"]+)['"]/.exec(text)?.[1] ?? 'x86_64';
}
