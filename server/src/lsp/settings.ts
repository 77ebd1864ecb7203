// The 'libvirt' settings section as clients send it, checked entry by entry: a bad value is dropped, never fatal.

import { isRuleId, type LintSettings, type RuleSetting } from '../service/languageService';
import { SEVERITIES } from '../service/rules/rule';

export const SETTINGS_SECTION = 'libvirt';

const SETTING_ALIASES: Record<string, RuleSetting> = { information: 'info', warn: 'warning' };

export function readLintSettings(raw: unknown): LintSettings {
  if (!raw || typeof raw !== 'object') return {};
  const section = raw as { rules?: unknown; hostArch?: unknown };
  const rules: Record<string, RuleSetting> = {};
  if (section.rules && typeof section.rules === 'object') {
    for (const [id, value] of Object.entries(section.rules as Record<string, unknown>)) {
      if (!isRuleId(id) || typeof value !== 'string') continue;
      const setting = SETTING_ALIASES[value] ?? value;
      if (setting === 'off' || (SEVERITIES as readonly string[]).includes(setting)) rules[id] = setting as RuleSetting;
    }
  }
  const hostArch = typeof section.hostArch === 'string' && /^[A-Za-z0-9_]+$/.test(section.hostArch) ? section.hostArch : undefined;
  return { rules, hostArch };
}
