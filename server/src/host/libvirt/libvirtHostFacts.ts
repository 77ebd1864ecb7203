// Host facts for a libvirt connection, from libvirt's own API through the configured virsh — and nothing else — so
// that any virsh serves it, a real one or a stand-in: capabilities, node devices (PCI and storage), networks, pools
// and their volumes, free pages, nodeinfo. Loaded in the background (current() never waits), kept per connection,
// read again after a time-to-live or on demand. A local connection adds what only this machine can tell
// (/dev/disk/by-id names, boot_vga). A connection that fails leaves one message in `unavailable`, never a throw.

import { messages, type Text } from '../../l10n/message';
import {
  type DomainCapabilitiesRequest,
  domainCapabilitiesKey,
  type HostCell,
  type HostFacts,
  type HostPciDevice,
  type PathState,
} from '../../service/hostFacts';
import type { HostQuestions } from '../../service/hostQuestions';
import { runVirsh, type VirshOptions, type VirshResult } from '../../virsh/virsh';
import type { HostFactsSource } from '../localHostFacts';
import { readPathStates } from '../pathStates';
import { parseCapabilities } from './capabilitiesXml';
import { isLocalUri } from './connectionUri';
import { parseDomainCapabilities } from './domainCapabilitiesXml';
import { parsePciNodeDevice, parseStorageNodeDevice } from './nodeDeviceXml';
import { parseFreePages, parseNameList, parseNodeInfo, parseVolumeList } from './virshListings';

const M = messages('host', {
  capabilitiesFailed: 'virsh capabilities failed',
  notCapabilities: 'virsh capabilities did not print libvirt capabilities XML',
});

export interface LibvirtHostOptions {
  /** The connection URI; empty: virsh's default. */
  readonly uri: string;
  readonly virshPath?: string;
  /** The limit for each virsh call. */
  readonly timeoutMs: number;
  /** This machine's facts, for a local connection's extras and as the facts before (or without) libvirt's. */
  readonly machine?: HostFactsSource;
  readonly ttlMs?: number;
  readonly now?: () => number;
  /** How many virsh calls run at once (a host has a hundred PCI devices). */
  readonly parallelism?: number;
}

export interface LibvirtHostFactsSource extends HostFactsSource {
  /** Reads every fact again now; resolves with the new facts. */
  refresh(): Promise<HostFacts>;
  /**
   * Asks what a document needs: domain capabilities (read in the background, once each, until a refresh) and, on a
   * local connection, what is at its paths (looked at again when older than a few seconds).
   */
  want(questions: HostQuestions): void;
  /** Cancels what is running; the source answers with what it had. */
  dispose(): void;
}

const DEFAULT_TTL_MS = 5 * 60_000;
const DEFAULT_PARALLELISM = 8;
const PATHS_TTL_MS = 10_000;

export function createLibvirtHostFacts(options: LibvirtHostOptions): LibvirtHostFactsSource {
  const local = isLocalUri(options.uri);
  const now = options.now ?? Date.now;
  const ttl = options.ttlMs ?? DEFAULT_TTL_MS;
  const listeners: Array<(facts: HostFacts) => void> = [];
  const machineFacts = () => (local && options.machine ? options.machine.current() : { arch: '' });
  let loaded: HostFacts | undefined;
  let loadedAt: number | undefined;
  let loading: Promise<HostFacts> | undefined;
  let controller: AbortController | undefined;
  let disposed = false;
  /** The domain capabilities requests asked so far (answered ones are in `loaded`). */
  const asked = new Set<string>();
  const pendingDomcaps = new Set<Promise<unknown>>();
  /** Local connections: what is at the paths asked about, and when each was looked at. */
  let pathStates: Readonly<Record<string, PathState>> = {};
  const pathsLookedAt = new Map<string, number>();

  options.machine?.onDidChange(() => {
    if (local) notify();
  });

  /** The facts as last composed, and what they were composed of: a request gets the same object until one changes. */
  let composed:
    | {
        readonly loaded: HostFacts;
        readonly machine: HostFacts;
        readonly paths: Readonly<Record<string, PathState>>;
        readonly facts: HostFacts;
      }
    | undefined;

  function facts(): HostFacts {
    if (!loaded) return machineFacts();
    if (!local) return loaded;
    const machine = machineFacts();
    if (composed?.loaded !== loaded || composed.machine !== machine || composed.paths !== pathStates)
      composed = { loaded, machine, paths: pathStates, facts: { ...withMachineExtras(loaded, machine), paths: pathStates } };
    return composed.facts;
  }

  function lookAtPaths(paths: readonly string[]): void {
    const stale = paths.filter((path) => {
      const at = pathsLookedAt.get(path);
      return at === undefined || now() - at > PATHS_TTL_MS;
    });
    if (!local || disposed || stale.length === 0) return;
    for (const path of stale) pathsLookedAt.set(path, now());
    const looking = readPathStates(stale)
      .then((states) => {
        if (disposed || stale.every((path) => pathStates[path] === states[path])) return;
        const next = { ...pathStates };
        for (const path of stale) {
          if (states[path]) next[path] = states[path];
          else delete next[path];
        }
        pathStates = next;
        notify();
      })
      .finally(() => pendingDomcaps.delete(looking));
    pendingDomcaps.add(looking);
  }

  async function readDomcaps(request: DomainCapabilitiesRequest, key: string): Promise<void> {
    const args = ['domcapabilities', '--virttype', request.virttype, '--arch', request.arch];
    if (request.machine) args.push('--machine', request.machine);
    if (request.emulator) args.push('--emulator', request.emulator);
    const result = await runVirsh(args, {
      uri: options.uri || undefined,
      virshPath: options.virshPath,
      timeoutMs: options.timeoutMs,
      signal: controller?.signal,
    });
    if (disposed || !asked.has(key)) return;
    const caps = result.ok ? parseDomainCapabilities(result.stdout, request) : undefined;
    if (!caps || !loaded || loaded.unavailable) return;
    loaded = { ...loaded, domainCapabilities: [...(loaded.domainCapabilities ?? []), caps] };
    notify();
  }

  function notify(): void {
    const current = facts();
    for (const listener of listeners) listener(current);
  }

  function load(): Promise<HostFacts> {
    if (loading) return loading;
    controller = new AbortController();
    const signal = controller.signal;
    const virsh: VirshOptions = { uri: options.uri || undefined, virshPath: options.virshPath, timeoutMs: options.timeoutMs, signal };
    loading = readLibvirtFacts(virsh, options.parallelism ?? DEFAULT_PARALLELISM)
      .then((read) => {
        if (signal.aborted || disposed) return facts();
        loaded =
          'arch' in read ? { ...read, connection: { uri: options.uri, local } } : { ...machineFacts(), unavailable: read.unavailable };
        loadedAt = now();
        notify();
        return facts();
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  }

  const stale = () => loadedAt === undefined || now() - loadedAt > ttl;

  return {
    current() {
      if (!disposed && !loading && stale()) void load();
      return facts();
    },
    async settled() {
      if (!disposed && !loading && stale()) void load();
      await Promise.all([loading, options.machine && local ? options.machine.settled() : undefined]);
      await Promise.all([...pendingDomcaps]);
      return facts();
    },
    refresh() {
      if (loading) controller?.abort();
      loading = undefined;
      asked.clear();
      pathsLookedAt.clear();
      return load();
    },
    want(questions) {
      lookAtPaths(questions.paths ?? []);
      for (const request of questions.domainCapabilities ?? []) {
        const key = domainCapabilitiesKey(request);
        if (disposed || asked.has(key)) continue;
        asked.add(key);
        // After the connection's facts: an unreachable host is not asked again for each request.
        const reading = (loading ?? (loaded ? Promise.resolve() : load()))
          .then(() => (loaded && !loaded.unavailable ? readDomcaps(request, key) : undefined))
          .finally(() => pendingDomcaps.delete(reading));
        pendingDomcaps.add(reading);
      }
    },
    onDidChange(listener) {
      listeners.push(listener);
    },
    dispose() {
      disposed = true;
      controller?.abort();
    },
  };
}

/** A local connection: libvirt's facts, with this machine's stable disk names, boot_vga and lspci names. */
function withMachineExtras(facts: HostFacts, machine: HostFacts): HostFacts {
  if (facts.unavailable) return facts;
  const machineDevices = new Map((machine.pciDevices ?? []).map((device) => [key(device), device]));
  const pciDevices = facts.pciDevices?.map((device) => {
    const local = machineDevices.get(key(device));
    return local ? { ...device, name: device.name ?? local.name, bootVga: local.bootVga } : device;
  });
  const seen = new Set((machine.blockDevices ?? []).map((device) => device.target ?? device.path));
  const blockDevices = [...(machine.blockDevices ?? []), ...(facts.blockDevices ?? []).filter((device) => !seen.has(device.path))];
  return { ...facts, pciDevices, blockDevices };
}

const key = (device: HostPciDevice) => `${device.address.domain}:${device.address.bus}:${device.address.slot}.${device.address.function}`;

/** What virsh printed for each question (undefined where the call failed). */
export interface LibvirtOutputs {
  readonly capabilities: string;
  readonly pciDevices?: readonly string[];
  readonly storageDevices?: readonly string[];
  readonly networks?: string;
  readonly pools?: readonly { readonly name: string; readonly volumes?: string }[];
  readonly freePages?: string;
  readonly nodeInfo?: string;
}

/** Every fact libvirt gives over the connection; `unavailable` with virsh's message when capabilities fail. */
export async function readLibvirtFacts(virsh: VirshOptions, parallelism: number): Promise<HostFacts | { unavailable: Text }> {
  const capabilities = await runVirsh(['capabilities'], virsh);
  if (!capabilities.ok) return { unavailable: capabilities.message || M.capabilitiesFailed() };
  // A virsh that disappears mid-run (a package upgrade) makes the facts unknown, not a host without devices.
  let vanished: VirshResult | undefined;
  const run = (args: string[]) =>
    runVirsh(args, virsh).then((result) => {
      if (result.notFound) vanished ??= result;
      return result;
    });
  const [pci, storage, networks, pools, freePages, nodeInfo] = await Promise.all([
    run(['nodedev-list', '--cap', 'pci']),
    run(['nodedev-list', '--cap', 'storage']),
    run(['net-list', '--all', '--name']),
    run(['pool-list', '--all', '--name']),
    run(['freepages', '--all']),
    run(['nodeinfo']),
  ]);
  const output = (result: VirshResult) => (result.ok ? result.stdout : undefined);
  const dumpAll = async (list: VirshResult) =>
    list.ok
      ? (await mapLimited(parseNameList(list.stdout), parallelism, (name) => run(['nodedev-dumpxml', '--device', name])))
          .map(output)
          .filter((text) => text !== undefined)
      : undefined;
  const [pciDevices, storageDevices, poolOutputs] = await Promise.all([
    dumpAll(pci),
    dumpAll(storage),
    pools.ok
      ? mapLimited(parseNameList(pools.stdout), parallelism, async (name) => ({
          name,
          volumes: output(await run(['vol-list', '--pool', name])),
        }))
      : undefined,
  ]);
  if (vanished) return { unavailable: vanished.message };
  return assembleLibvirtFacts({
    capabilities: capabilities.stdout,
    pciDevices,
    storageDevices,
    networks: output(networks),
    pools: poolOutputs,
    freePages: output(freePages),
    nodeInfo: output(nodeInfo),
  });
}

/** The facts in virsh's outputs (a pure function: recorded outputs give the same facts as a live host). */
export function assembleLibvirtFacts(outputs: LibvirtOutputs): HostFacts | { unavailable: Text } {
  const capabilities = parseCapabilities(outputs.capabilities);
  if (!capabilities) return { unavailable: M.notCapabilities() };
  const free = outputs.freePages !== undefined ? parseFreePages(outputs.freePages) : undefined;
  const info = outputs.nodeInfo !== undefined ? parseNodeInfo(outputs.nodeInfo) : {};
  return {
    ...capabilities,
    cells: capabilities.cells?.map((cell) => withFreePages(cell, free?.get(cell.id))),
    memoryKiB: info.memoryKiB,
    pciDevices: outputs.pciDevices?.map(parsePciNodeDevice).filter((device) => device !== undefined),
    blockDevices: outputs.storageDevices
      ?.map(parseStorageNodeDevice)
      .filter((path) => path !== undefined)
      .map((path) => ({ path, stable: false })),
    networks: outputs.networks !== undefined ? parseNameList(outputs.networks) : undefined,
    pools: outputs.pools?.map((pool) => ({
      name: pool.name,
      volumes: pool.volumes !== undefined ? parseVolumeList(pool.volumes) : undefined,
    })),
  };
}

function withFreePages(cell: HostCell, free: Map<number, number> | undefined): HostCell {
  if (!free) return cell;
  return { ...cell, pages: cell.pages.map((pages) => ({ ...pages, free: free.get(pages.sizeKiB) })) };
}

/** `fn` over `items`, at most `limit` at a time, results in order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
