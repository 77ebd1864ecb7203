// libvirt's own test domains, when fetched into .cache (npm run corpus:full): the inputs its qemuxml2argv test
// expects to succeed, plus every qemuxml2xml output. Failing inputs are listed in the test's C source.

import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';

export function acceptedLibvirtTestDomains(testsDir: string): string[] | undefined {
  const testSource = join(testsDir, 'qemuxml2argvtest.c');
  if (!existsSync(testSource)) return undefined;
  const source = readFileSync(testSource, 'utf8');
  const succeed = new Set<string>();
  const fail = new Set<string>();
  for (const match of source.matchAll(/(DO_TEST[A-Z_]*)\(\s*"([^"]+)"([\s\S]*?)\);/g)) {
    const [, macro, name, rest] = match;
    if (/PARSE_ERROR|FAILURE/.test(macro) || /FLAG_EXPECT|FAIL/.test(rest)) fail.add(name);
    else succeed.add(name);
  }
  const inputs = [...succeed]
    .filter((name) => !fail.has(name))
    .map((name) => join(testsDir, 'qemuxml2argvdata', `${name}.xml`))
    .filter(existsSync);
  const outputs = readdirSync(join(testsDir, 'qemuxml2xmloutdata'))
    .filter((name) => name.endsWith('.xml'))
    .map((name) => join(testsDir, 'qemuxml2xmloutdata', name));
  return [...new Set([...inputs, ...outputs].map((file) => realpathSync(file)))].sort();
}

/**
 * Accepted by libvirt's tests only because they simulate a QEMU older than 2.7, which did not enforce CPU topology;
 * a real libvirtd 9.0 with QEMU 7.2 refuses both (checked with virsh define).
 */
export const KNOWN_OLD_QEMU_ONLY = new Set(['fd-memory-numa-topology2.xml', 'fd-memory-numa-topology3.xml']);
