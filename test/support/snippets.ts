// The extension's snippets, expanded as VS Code would with every tab stop at its default, and placed into a
// small domain when they are blocks rather than whole domains.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Snippet {
  readonly prefix: string | string[];
  readonly body: string | string[];
  readonly description: string;
}

export const SNIPPETS_FILE = join(__dirname, '..', '..', 'snippets', 'libvirt-xml.json');

export function loadSnippets(): Record<string, Snippet> {
  return JSON.parse(readFileSync(SNIPPETS_FILE, 'utf8')) as Record<string, Snippet>;
}

/** TextMate snippet syntax with defaults: ${1:x} → x (nested too), ${1|a,b|} → a, $1 / ${1} / $0 → ''. */
export function expandWithDefaults(body: string | string[]): string {
  let text = Array.isArray(body) ? body.join('\n') : body;
  let previous: string | undefined;
  while (previous !== text) {
    previous = text;
    text = text.replace(/\$\{\d+:([^${}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1');
  }
  return text.replace(/\$\{\d+\}|\$\d+/g, '').replace(/\\\$/g, '$');
}

/** Where a block snippet goes in a domain. */
export type Place = 'devices' | 'features' | 'domain';

export function placeOf(prefixes: string[]): Place {
  if (prefixes.some((p) => p.startsWith('hyperv'))) return 'features';
  if (prefixes.some((p) => p.startsWith('cpu') || p.startsWith('hugepages'))) return 'domain';
  return 'devices';
}

export function domainWith(block: string, place: Place, name = 'snippet-test'): string {
  const indent = (text: string, by: string) =>
    text
      .split('\n')
      .map((line) => (line ? by + line : line))
      .join('\n');
  return [
    "<domain type='qemu'>",
    `  <name>${name}</name>`,
    "  <memory unit='GiB'>2</memory>",
    "  <vcpu placement='static'>8</vcpu>",
    '  <os>',
    "    <type arch='x86_64' machine='q35'>hvm</type>",
    '  </os>',
    '  <features>',
    '    <acpi/>',
    ...(place === 'features' ? [indent(block, '    ')] : []),
    '  </features>',
    ...(place === 'domain' ? [indent(block, '  ')] : []),
    '  <devices>',
    ...(place === 'devices' ? [indent(block, '    ')] : []),
    '  </devices>',
    '</domain>',
    '',
  ].join('\n');
}
