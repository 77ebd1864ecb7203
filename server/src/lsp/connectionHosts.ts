// The host facts the server uses: those of the configured connection, from libvirt (one source per connection,
// kept while the server runs), or this machine's alone where virsh may not run (untrusted workspace) or the
// connection is libvirt's test driver. Says once per connection and message when a host's facts are unavailable.

import { isTestDriverUri } from '../host/libvirt/connectionUri';
import { createLibvirtHostFacts, type LibvirtHostFactsSource } from '../host/libvirt/libvirtHostFacts';
import type { HostFactsSource } from '../host/localHostFacts';
import type { Text } from '../l10n/message';
import { DEFAULT_COMMAND_TIMEOUT_SECONDS } from '../protocol';
import type { HostFacts } from '../service/hostFacts';
import type { VirshSettings } from './settings';

export interface ConnectionHosts {
  /** The facts for the current settings, now (never waits). */
  current(settings: VirshSettings, trusted: boolean): HostFacts;
  /** The connection's source, or undefined where none is used. */
  sourceFor(settings: VirshSettings, trusted: boolean): LibvirtHostFactsSource | undefined;
  dispose(): void;
}

export interface ConnectionHostsEvents {
  /** Facts arrived or changed (re-analyse, refresh hints). */
  changed(): void;
  /** A connection's facts are unavailable: said once per connection and message. */
  unavailable(uri: string, message: Text): void;
}

export function createConnectionHosts(machine: HostFactsSource, events: ConnectionHostsEvents): ConnectionHosts {
  const sources = new Map<string, LibvirtHostFactsSource>();
  const told = new Set<string>();

  function sourceFor(settings: VirshSettings, trusted: boolean): LibvirtHostFactsSource | undefined {
    const uri = settings.connectionUri ?? '';
    if (!trusted || isTestDriverUri(uri)) return undefined;
    const timeoutMs = (settings.commandTimeoutSeconds ?? DEFAULT_COMMAND_TIMEOUT_SECONDS) * 1000;
    const key = JSON.stringify([uri, settings.virshPath ?? '', timeoutMs]);
    const known = sources.get(key);
    if (known) return known;
    const source = createLibvirtHostFacts({ uri, virshPath: settings.virshPath, timeoutMs, machine });
    source.onDidChange((facts) => {
      if (facts.unavailable && !told.has(`${key}\n${facts.unavailable}`)) {
        told.add(`${key}\n${facts.unavailable}`);
        events.unavailable(uri, facts.unavailable);
      }
      events.changed();
    });
    sources.set(key, source);
    return source;
  }

  machine.onDidChange(() => events.changed());

  return {
    current(settings, trusted) {
      return sourceFor(settings, trusted)?.current() ?? machine.current();
    },
    sourceFor,
    dispose() {
      for (const source of sources.values()) source.dispose();
    },
  };
}
