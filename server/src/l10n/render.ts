// Rendering messages in a language: the catalogue of each translation, looked up by message id, with English
// (the templates the code declares) wherever a translation has no entry.

import type { Locale } from './locale';
import { format, Message, type Text } from './message';

type Catalogue = Readonly<Record<string, string>>;

/**
 * Each translation's catalogue, loaded the first time it is asked for: a run in English (most CLI runs) neither
 * reads nor keeps the 200 KB of zh-CN. Built, it is dist/zh-cn.json beside the bundle (scripts/build.mjs).
 */
const LOADERS: Readonly<Record<Exclude<Locale, 'en'>, () => Catalogue>> = {
  'zh-cn': () => require('./zh-cn.json') as Catalogue,
};
const loaded = new Map<Locale, Catalogue>();

/** A translation's catalogue: message id → template (rule titles and explanations under `<rule-id>.title`…). */
export function catalogue(locale: Exclude<Locale, 'en'>): Catalogue {
  let entries = loaded.get(locale);
  if (!entries) {
    entries = LOADERS[locale]();
    loaded.set(locale, entries);
  }
  return entries;
}

/** Text in `locale`: a Message by its id's translation (English without one), plain text as it is. */
export function render(text: Text, locale: Locale): string {
  if (!(text instanceof Message)) return text;
  if (locale === 'en') return text.toString();
  return tidyChinese(translate(text, locale));
}

function translate(message: Message, locale: Exclude<Locale, 'en'>): string {
  const translated = catalogue(locale)[message.id];
  if (translated === undefined) return message.toString();
  return format(translated, message.args, (nested) => translate(nested, locale));
}

/** Chinese characters and full-width punctuation. */
const CJK = '\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, 'g');

/**
 * A space is written between Chinese and Latin text (将 {device} 改为 virtio); where a placeholder's own text starts
 * or ends in Chinese (磁盘 sda), that space would sit between two Chinese characters, where Chinese has none.
 */
function tidyChinese(text: string): string {
  return text.replace(SPACE_BETWEEN_CJK, '');
}

/** A rule's title or explanation in `locale` (the rule's own English text without a translation). */
export function ruleText(
  rule: { readonly id: string; readonly title: string; readonly explanation: string },
  part: 'title' | 'explanation',
  locale: Locale,
): string {
  if (locale === 'en') return rule[part];
  return catalogue(locale)[`${rule.id}.${part}`] ?? rule[part];
}
