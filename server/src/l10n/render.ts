// Rendering messages in a language: the catalogue of each translation, looked up by message id, with English
// (the templates the code declares) wherever a translation has no entry.

import type { Locale } from './locale';
import { format, Message, type Text } from './message';
import zhCn from './zh-cn.json';

const CATALOGUES: Readonly<Record<Exclude<Locale, 'en'>, Readonly<Record<string, string>>>> = { 'zh-cn': zhCn };

/** A translation's catalogue: message id → template (rule titles and explanations under `<rule-id>.title`…). */
export function catalogue(locale: Exclude<Locale, 'en'>): Readonly<Record<string, string>> {
  return CATALOGUES[locale];
}

/** Text in `locale`: a Message by its id's translation (English without one), plain text as it is. */
export function render(text: Text, locale: Locale): string {
  if (!(text instanceof Message)) return text;
  if (locale === 'en') return text.toString();
  const translated = CATALOGUES[locale][text.id];
  if (translated === undefined) return text.toString();
  return format(translated, text.args, (nested) => render(nested, locale));
}

/** A rule's title or explanation in `locale` (the rule's own English text without a translation). */
export function ruleText(
  rule: { readonly id: string; readonly title: string; readonly explanation: string },
  part: 'title' | 'explanation',
  locale: Locale,
): string {
  if (locale === 'en') return rule[part];
  return CATALOGUES[locale][`${rule.id}.${part}`] ?? rule[part];
}
