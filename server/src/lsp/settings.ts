// The one reader of the 'libvirt' settings section as clients send it (initializationOptions, didChangeConfiguration,
// workspace/configuration), checked entry by entry: a bad value is dropped, never fatal.

import { chosenLocale } from '../l10n/locale';
import type { LibvirtConnectionSetting } from '../protocol';
import { isRuleId } from '../service/languageService';
import { type LintSettings, type RuleSetting, SEVERITIES } from '../service/languageTypes';

export interface VirshSettings {
  readonly connectionUri?: string;
  readonly virshPath?: string;
  readonly commandTimeoutSeconds?: number;
}

export interface ServerSettings {
  readonly lint: LintSettings;
  readonly virsh: VirshSettings;
  /** libvirt.connections as sent (entries with a name and a URI); libvirt: documents name one of them. */
  readonly connections: readonly LibvirtConnectionSetting[];
  /** libvirt.inlayHints: on unless set to false. */
  readonly inlayHints: boolean;
}

const SETTING_ALIASES: Record<string, RuleSetting> = { information: 'info', warn: 'warning' };

/** `clientLocale` is the display language the client gave at initialize; `libvirt.language` overrides it. */
export function readSettings(raw: unknown, clientLocale?: string): ServerSettings {
  const section = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return {
    lint: readLintSettings(section, clientLocale),
    virsh: readVirshSettings(section),
    connections: readConnections(section.connections),
    inlayHints: section.inlayHints !== false,
  };
}

function readConnections(value: unknown): LibvirtConnectionSetting[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const { name, uri } = (entry ?? {}) as { name?: unknown; uri?: unknown };
    return typeof name === 'string' && name.trim() !== '' && typeof uri === 'string' ? [{ name: name.trim(), uri: uri.trim() }] : [];
  });
}

function readLintSettings(section: Record<string, unknown>, clientLocale: string | undefined): LintSettings {
  const rules: Record<string, RuleSetting> = {};
  if (section.rules && typeof section.rules === 'object') {
    for (const [id, value] of Object.entries(section.rules as Record<string, unknown>)) {
      if (!isRuleId(id) || typeof value !== 'string') continue;
      const setting = SETTING_ALIASES[value] ?? value;
      if (setting === 'off' || (SEVERITIES as readonly string[]).includes(setting)) rules[id] = setting as RuleSetting;
    }
  }
  const hostArch = typeof section.hostArch === 'string' && /^[A-Za-z0-9_]+$/.test(section.hostArch) ? section.hostArch : undefined;
  const language = typeof section.language === 'string' ? section.language : undefined;
  return { rules, hostArch, locale: chosenLocale(language, clientLocale) };
}

function readVirshSettings(section: Record<string, unknown>): VirshSettings {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  const seconds =
    typeof section.commandTimeoutSeconds === 'number' && section.commandTimeoutSeconds > 0 ? section.commandTimeoutSeconds : undefined;
  return { connectionUri: text(section.connectionUri), virshPath: text(section.virshPath), commandTimeoutSeconds: seconds };
}
