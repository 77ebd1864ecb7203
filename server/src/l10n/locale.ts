// The languages the product speaks, and how a client's or a shell's locale names one of them.

export type Locale = 'en' | 'zh-cn';

/**
 * The locale a BCP 47 tag (VS Code's `zh-cn`, `en-US`) or a POSIX locale (`zh_CN.UTF-8`) names. Simplified Chinese
 * (zh, zh-CN, zh-SG, zh-Hans…) is zh-cn; Traditional Chinese (zh-TW, zh-HK, zh-MO, zh-Hant…) has no catalogue and
 * stays English rather than getting a script its reader did not choose; anything else is English.
 */
function localeOf(tag: string | undefined): Locale {
  if (!tag) return 'en';
  const normalised = tag
    .trim()
    .toLowerCase()
    .replace(/_/g, '-')
    .replace(/[.@].*$/, '');
  const [language, ...rest] = normalised.split('-');
  if (language !== 'zh') return 'en';
  if (rest.includes('hant') || rest.some((part) => part === 'tw' || part === 'hk' || part === 'mo')) return 'en';
  return 'zh-cn';
}

/** The locale to speak: the `libvirt.language` setting, or with `auto` (or nothing set) the client's language. */
export function chosenLocale(setting: string | undefined, clientLocale: string | undefined): Locale {
  if (setting && setting !== 'auto') return localeOf(setting);
  return localeOf(clientLocale);
}

/** The CLI's locale: `--locale`, else the first of LC_ALL, LC_MESSAGES and LANG that is set (POSIX order). */
export function environmentLocale(flag: string | undefined, env: NodeJS.ProcessEnv): Locale {
  if (flag) return localeOf(flag);
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return value === 'C' || value === 'POSIX' ? 'en' : localeOf(value);
  }
  return 'en';
}
