// The recorded hosts of test/fixtures/hosts, each served by its stand-in virsh (set as libvirt.virshPath or put on
// PATH, as a user would), and a generated one with as many PCI devices as a test asks for.

import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDomainCapabilities } from '../../server/src/host/libvirt/domainCapabilitiesXml';
import { assembleLibvirtFacts } from '../../server/src/host/libvirt/libvirtHostFacts';
import type { DomainCapabilitiesRequest, HostFacts } from '../../server/src/service/hostFacts';
import { REPO_ROOT } from './built';

export const HOSTS_DIR = join(REPO_ROOT, 'test', 'fixtures', 'hosts');

export type RecordedHost = 'gpu-desktop' | 'no-iommu' | 'hang' | 'fails' | 'garbage';

/** The stand-in virsh of a recorded host. */
export function standInVirsh(host: RecordedHost): string {
  return join(HOSTS_DIR, host, 'virsh');
}

/** A copy of gpu-desktop with `count` more PCI endpoint devices (each its own IOMMU group); returns its virsh. */
export function hostWithManyDevices(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'lint-host-'));
  cpSync(join(HOSTS_DIR, 'gpu-desktop'), dir, { recursive: true });
  const script = `#!/bin/sh\nexec ${JSON.stringify(join(HOSTS_DIR, 'standInVirsh.sh'))} "$(dirname "$0")" "$@"\n`;
  writeFileSync(join(dir, 'virsh'), script, { mode: 0o755 });
  const template = readFileSync(join(HOSTS_DIR, 'gpu-desktop', 'nodedev', 'pci_0000_28_00_0.xml'), 'utf8');
  for (let i = 0; i < count; i++) {
    const bus = 0x40 + Math.floor(i / 8);
    const fn = i % 8;
    const hex = bus.toString(16).padStart(2, '0');
    const name = `pci_0000_${hex}_00_${fn}`;
    const text = template
      .replace(/pci_0000_28_00_0/g, name)
      .replace('<bus>40</bus>', `<bus>${bus}</bus>`)
      .replace('<function>0</function>', `<function>${fn}</function>`)
      .replace("<iommuGroup number='17'>", `<iommuGroup number='${100 + i}'>`)
      .replace("bus='0x28' slot='0x00' function='0x0'", `bus='0x${hex}' slot='0x00' function='0x${fn}'`);
    writeFileSync(join(dir, 'nodedev', `${name}.xml`), text);
  }
  return join(dir, 'virsh');
}

/**
 * A recorded host's facts as the language service gets them over a remote connection, read from its files by the
 * same assembly as a live host (for rule tables, which are synchronous).
 */
export function recordedHostFacts(
  host: 'gpu-desktop' | 'no-iommu',
  uri = `qemu+ssh://root@${host}/system`,
  /** Domain capabilities as read for these requests (as the stand-in serves them: per hypervisor, else per arch). */
  domainCapabilities: readonly DomainCapabilitiesRequest[] = [],
): HostFacts {
  const dir = join(HOSTS_DIR, host);
  const read = (...parts: string[]) => (existsSync(join(dir, ...parts)) ? readFileSync(join(dir, ...parts), 'utf8') : undefined);
  const nodedev = (prefix: string) =>
    existsSync(join(dir, 'nodedev'))
      ? readdirSync(join(dir, 'nodedev'))
          .filter((name) => name.startsWith(prefix))
          .sort()
          .map((name) => read('nodedev', name)!)
      : [];
  const pools = existsSync(join(dir, 'pools'))
    ? readdirSync(join(dir, 'pools'))
        .sort()
        .map((name) => ({ name: name.replace(/\.txt$/, ''), volumes: read('pools', name) }))
    : [];
  const facts = assembleLibvirtFacts({
    capabilities: read('capabilities.xml')!,
    pciDevices: nodedev('pci_'),
    storageDevices: nodedev('block_'),
    networks: read('networks.txt') ?? '',
    pools,
    freePages: read('freepages.txt'),
    nodeInfo: read('nodeinfo.txt'),
  });
  if (!('arch' in facts)) throw new Error(`${host}: ${facts.unavailable}`);
  const caps = domainCapabilities.flatMap((request) => {
    const text = read(`domcapabilities-${request.virttype}-${request.arch}.xml`) ?? read(`domcapabilities-${request.arch}.xml`);
    const parsed = text === undefined ? undefined : parseDomainCapabilities(text, request);
    return parsed ? [parsed] : [];
  });
  return { ...facts, connection: { uri, local: false }, ...(caps.length ? { domainCapabilities: caps } : {}) };
}
