// The extension's own texts in zh-CN: the manifest's (package.nls.json, package.nls.zh-cn.json) and the client's
// runtime strings (vscode.l10n.t, l10n/bundle.l10n.zh-cn.json), each complete, with the same placeholders, and shipped.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../support/built';

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const json = (path: string) => JSON.parse(read(path)) as Record<string, unknown>;
const CHINESE = /[\u4e00-\u9fff]/;

/** Every `%key%` the manifest uses, with where. */
function manifestKeys(value: unknown, path: string, found: Array<{ key: string; path: string }>): typeof found {
  if (typeof value === 'string') {
    const match = /^%([\w.-]+)%$/.exec(value);
    if (match) found.push({ key: match[1]!, path });
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) manifestKeys(item, `${path}[${i}]`, found);
  } else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) manifestKeys(item, path ? `${path}.${key}` : key, found);
  return found;
}

/** Every literal given to vscode.l10n.t in client/src, with its file (a non-literal argument is a failure). */
function clientStrings(): Array<{ text: string; file: string }> {
  const found: Array<{ text: string; file: string }> = [];
  const walk = (dir: string): string[] =>
    readdirSync(join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
    );
  for (const file of walk('client/src')) {
    const source = read(file);
    for (const call of source.matchAll(/\bl10n\.t\(\s*/g)) {
      const rest = source.slice(call.index + call[0].length);
      const literal = /^(['"])((?:\\.|(?!\1)[^\\\n])*)\1/.exec(rest);
      assert.ok(literal, `${file}: l10n.t takes a string literal (the key of the bundle): ${rest.slice(0, 60)}`);
      const text = literal[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
      found.push({ text, file });
    }
  }
  return found;
}

const placeholders = (text: string) => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort().join();

describe('the extension in zh-CN', () => {
  const manifest = json('package.json');
  const english = json('package.nls.json');
  const chinese = json('package.nls.zh-cn.json');

  it('has an English text in package.nls.json for every %key% of package.json, and no key unused', () => {
    const used = manifestKeys(manifest, '', []);
    assert.ok(used.length >= 30, `${used.length} keys`);
    assert.deepEqual(
      used.filter(({ key }) => typeof english[key] !== 'string').map(({ key, path }) => `${path}: ${key}`),
      [],
    );
    const usedKeys = new Set(used.map(({ key }) => key));
    assert.deepEqual(
      Object.keys(english).filter((key) => !usedKeys.has(key)),
      [],
    );
  });

  it("makes every command's title and category, setting description, view name and welcome text a %key%", () => {
    const { commands, configuration, views, viewsWelcome } = manifest.contributes as {
      commands: Array<Record<string, string>>;
      configuration: { title: string; properties: Record<string, Record<string, unknown>> };
      views: Record<string, Array<Record<string, string>>>;
      viewsWelcome: Array<Record<string, string>>;
    };
    const isKey = (value: unknown) => typeof value === 'string' && /^%[\w.-]+%$/.test(value);
    for (const command of commands) assert.ok(isKey(command.title) && isKey(command.category), command.command);
    assert.ok(isKey(configuration.title));
    for (const [name, property] of Object.entries(configuration.properties)) {
      assert.ok(isKey(property.description) || isKey(property.markdownDescription), name);
      for (const description of (property.enumDescriptions as unknown[] | undefined) ?? []) assert.ok(isKey(description), name);
    }
    for (const view of Object.values(views).flat()) assert.ok(isKey(view.name), view.id);
    for (const welcome of viewsWelcome) assert.ok(isKey(welcome.contents), welcome.view);
  });

  it('translates every key of package.nls.json in package.nls.zh-cn.json, and nothing else', () => {
    assert.deepEqual(Object.keys(chinese).sort(), Object.keys(english).sort());
    const names = new Set(['Libvirt', 'English']);
    const untranslated = Object.entries(chinese)
      .filter(([key, text]) => typeof text !== 'string' || (!CHINESE.test(text) && !names.has(english[key] as string)))
      .map(([key]) => key);
    assert.deepEqual(untranslated, []);
  });

  it('keeps the code spans, setting names and command links of each manifest text', () => {
    const verbatim = (text: string) => text.match(/`[^`]*`|\(command:[^)]*\)|#[\w.]+#/g) ?? [];
    const changed = Object.entries(english).flatMap(([key, text]) =>
      verbatim(text as string)
        .filter((part) => !(chinese[key] as string).includes(part))
        .map((part) => `${key}: ${part}`),
    );
    assert.deepEqual(changed, []);
  });

  it('points package.json at the l10n folder, and translates every client string with the same placeholders', () => {
    assert.equal(manifest.l10n, './l10n');
    const bundle = json('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
    const strings = clientStrings();
    assert.ok(strings.length >= 80, `${strings.length} strings`);
    const missing = strings.filter(({ text }) => bundle[text] === undefined).map(({ text, file }) => `${file}: ${text}`);
    assert.deepEqual(missing, []);
    const keys = new Set(strings.map(({ text }) => text));
    assert.deepEqual(
      Object.keys(bundle).filter((text) => !keys.has(text)),
      [],
      'no entry for a string the client no longer says',
    );
    const mismatched = Object.entries(bundle)
      .filter(([text, translated]) => placeholders(text) !== placeholders(translated) || !CHINESE.test(translated))
      .map(([text, translated]) => `${text} → ${translated}`);
    assert.deepEqual(mismatched, []);
  });

  it('ships the translations in the .vsix (.vscodeignore keeps them)', () => {
    const kept = read('.vscodeignore')
      .split('\n')
      .filter((line) => line.startsWith('!'))
      .map((line) => line.slice(1));
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json', 'l10n/bundle.l10n.zh-cn.json'])
      assert.ok(
        kept.some((pattern) => pattern === file || (pattern.endsWith('/**') && file.startsWith(pattern.slice(0, -2)))),
        file,
      );
  });
});
