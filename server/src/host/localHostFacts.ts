// This machine's facts as a source the front ends hand to the language service: the architecture at once, the
// PCI devices (sysfs + lspci) and block devices (/dev) read in the background. current() never waits: a request
// gets what is known so far, and listeners hear when more arrives. Block devices are read again when the last
// reading is older than a few seconds (disks come and go; completion asks often).

import type { HostBlockDevice, HostFacts, HostPciDevice } from '../service/hostFacts';
import { readDevBlockDevices } from './devBlockDevices';
import { localHostArch } from './hostArch';
import { lspciNames } from './lspciNames';
import { readSysfsPciDevices } from './sysfsPciDevices';

export interface HostFactsSource {
  /** The facts known now; starts reading what is missing or stale, never waits for it. */
  current(): HostFacts;
  /** The facts once every reading started so far has finished. */
  settled(): Promise<HostFacts>;
  /** Called whenever current() would return new facts. */
  onDidChange(listener: (facts: HostFacts) => void): void;
}

export interface LocalHostReaders {
  readonly arch?: string;
  readonly pciDevices?: () => Promise<readonly HostPciDevice[] | undefined>;
  readonly blockDevices?: () => Promise<readonly HostBlockDevice[] | undefined>;
  readonly now?: () => number;
}

const BLOCK_DEVICES_TTL_MS = 10_000;

const isLinux = process.platform === 'linux';

const defaultReaders = {
  pciDevices: async () => (isLinux ? readSysfsPciDevices(await lspciNames()) : undefined),
  blockDevices: async () => (isLinux ? readDevBlockDevices() : undefined),
};

export function createLocalHostFacts(readers: LocalHostReaders = {}): HostFactsSource {
  const readPci = readers.pciDevices ?? defaultReaders.pciDevices;
  const readBlock = readers.blockDevices ?? defaultReaders.blockDevices;
  const now = readers.now ?? Date.now;
  const listeners: Array<(facts: HostFacts) => void> = [];
  let facts: HostFacts = { arch: readers.arch ?? localHostArch() };
  let pciReading: Promise<void> | undefined;
  let blockReading: Promise<void> | undefined;
  let blockReadAt: number | undefined;

  const update = (change: Partial<HostFacts>) => {
    facts = { ...facts, ...change };
    for (const listener of listeners) listener(facts);
  };

  function readPciOnce(): void {
    pciReading ??= readPci().then(
      (pciDevices) => update({ pciDevices }),
      () => undefined, // unreadable: fixes and completion that need them are not offered
    );
  }

  function readBlockIfStale(): void {
    if (blockReading || (blockReadAt !== undefined && now() - blockReadAt <= BLOCK_DEVICES_TTL_MS)) return;
    blockReadAt = now();
    blockReading = readBlock()
      .then(
        (blockDevices) => {
          // New facts only when the devices changed: new facts make the service analyse again.
          if (JSON.stringify(blockDevices) !== JSON.stringify(facts.blockDevices)) update({ blockDevices });
        },
        () => undefined,
      )
      .finally(() => {
        blockReading = undefined;
      });
  }

  return {
    current() {
      readPciOnce();
      readBlockIfStale();
      return facts;
    },
    async settled() {
      readPciOnce();
      readBlockIfStale();
      await Promise.all([pciReading, blockReading]);
      return facts;
    },
    onDidChange(listener) {
      listeners.push(listener);
    },
  };
}
