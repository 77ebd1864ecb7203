// The zh-CN catalogue against the messages the code declares: every id translated with the same placeholders,
// no entry for an id nothing declares, libvirt's quoted texts kept verbatim, the glossary's terms used.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import '../../server/src/cli/runCli';
import '../../server/src/lsp/languageServer';
import glossary from '../../server/src/l10n/glossary.zh-cn.json';
import { declaredMessages, placeholdersOf } from '../../server/src/l10n/message';
import { catalogue } from '../../server/src/l10n/render';
import { ALL_RULES } from '../../server/src/service/documentKinds';
import { englishWords, prose, QUOTED } from '../support/l10nText';

const zhCn = catalogue('zh-cn');
/** L10N_GROUPS=rule-a,rule-b narrows the checks to those groups' ids (while translating them). */
const groups = process.env.L10N_GROUPS?.split(',').filter(Boolean);
const inScope = (id: string) => !groups || groups.some((group) => id.startsWith(`${group}.`));
const ruleTextIds = new Set(ALL_RULES.flatMap((rule) => [`${rule.id}.title`, `${rule.id}.explanation`]));

describe('zh-CN message catalogue', () => {
  it('translates every declared message with the same placeholders', () => {
    const missing: string[] = [];
    const mismatched: string[] = [];
    for (const [id, english] of declaredMessages()) {
      if (!inScope(id)) continue;
      const translated = zhCn[id];
      if (translated === undefined) missing.push(id);
      else if (placeholdersOf(translated).join() !== placeholdersOf(english).join())
        mismatched.push(`${id}: {${placeholdersOf(english).join('}, {')}} vs {${placeholdersOf(translated).join('}, {')}}`);
    }
    assert.deepEqual(missing, [], `messages without a zh-CN entry: ${missing.length}`);
    assert.deepEqual(mismatched, []);
  });

  it('translates every rule title and explanation', () => {
    const missing = [...ruleTextIds].filter((id) => inScope(id) && zhCn[id] === undefined);
    assert.deepEqual(missing, []);
  });

  it('has no entry for an id nothing declares', () => {
    const declared = declaredMessages();
    const stale = Object.keys(zhCn).filter((id) => inScope(id) && !declared.has(id) && !ruleTextIds.has(id));
    assert.deepEqual(stale, []);
  });

  it("keeps XML names and quoted texts (libvirt's messages) verbatim", () => {
    const changed: string[] = [];
    for (const [id, english] of declaredMessages()) {
      const translated = zhCn[id];
      if (translated === undefined || !inScope(id)) continue;
      // XML names and quoted text (libvirt's own messages, values) must appear exactly.
      for (const part of english.match(QUOTED) ?? []) if (!translated.includes(part)) changed.push(`${id}: ${part}`);
    }
    assert.deepEqual(changed, []);
  });

  it('has a translation in Chinese for every entry', () => {
    const untranslated = Object.entries(zhCn)
      .filter(([id, text]) => inScope(id) && !/[\u4e00-\u9fff]/.test(text) && englishWords(text).length > 0)
      .map(([id]) => id);
    assert.deepEqual(untranslated, []);
  });

  it("uses the glossary's term wherever the English says it", () => {
    const terms = glossary.terms.map((term) => ({
      pattern: new RegExp(term.en, 'i'),
      zh: term.zh,
      // Messages where the English word means something else (a DHCP static host is no hypervisor host).
      notIn: new Set<string>('notIn' in term ? (term.notIn as { ids: string[] }).ids : []),
    }));
    const inconsistent: string[] = [];
    const english = new Map(declaredMessages());
    for (const rule of ALL_RULES) {
      english.set(`${rule.id}.title`, rule.title);
      english.set(`${rule.id}.explanation`, rule.explanation);
    }
    for (const [id, source] of english) {
      const translated = zhCn[id];
      if (translated === undefined || !inScope(id)) continue;
      for (const term of terms)
        if (!term.notIn.has(id) && term.pattern.test(prose(source)) && !translated.includes(term.zh))
          inconsistent.push(`${id}: ${term.zh}`);
    }
    assert.deepEqual(inconsistent, []);
  });
});
