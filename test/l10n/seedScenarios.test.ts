// The seed's scenarios (examples/) linted in Simplified Chinese by the real CLI: every message in Chinese with no
// English left outside libvirt's quoted messages and XML, and the same codes and positions as in English.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/service/languageService';
import { builtProgram, REPO_ROOT } from '../support/built';
import { englishWords } from '../support/l10nText';

const EXAMPLES = readdirSync(join(REPO_ROOT, 'examples'))
  .filter((name) => name.endsWith('.xml'))
  .map((name) => join('examples', name));

interface JsonResult {
  file: string;
  diagnostics: Array<{ line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }>;
}

function lint(args: string[], env: NodeJS.ProcessEnv = {}): JsonResult[] {
  const run = spawnSync(process.execPath, [builtProgram('cli'), '--format', 'json', ...args, ...EXAMPLES], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return JSON.parse(run.stdout) as JsonResult[];
}

/** The words of a document (disk names, bus values, attribute names): data in a message, quoted or not. */
const wordsOf = (text: string) => new Set(text.toLowerCase().match(/[a-z]+/g));

/** Why `text` is not all Chinese (no Chinese at all, or English words that are not the document's), or undefined. */
function englishLeft(text: string, own: ReadonlySet<string>): string | undefined {
  const english = englishWords(text).filter((word) => !own.has(word));
  return !/[\u4e00-\u9fff]/.test(text) || english.length > 0 ? `${text} [${english.join(' ')}]` : undefined;
}

const withoutMessages = (results: JsonResult[]) =>
  results.map((result) => ({ file: result.file, diagnostics: result.diagnostics.map(({ message: _, ...rest }) => rest) }));

describe("the seed's scenarios in zh-CN", () => {
  const english = lint(['--locale', 'en']);
  const chinese = lint(['--locale', 'zh-cn']);

  it('finds the same problems at the same places in every language', () => {
    assert.ok(english.flatMap((result) => result.diagnostics).length >= 10);
    assert.deepEqual(withoutMessages(chinese), withoutMessages(english));
  });

  it('says every message in Chinese, with no English left', () => {
    const left: string[] = [];
    for (const result of chinese) {
      const own = wordsOf(readFileSync(join(REPO_ROOT, result.file), 'utf8'));
      for (const d of result.diagnostics) {
        const why = englishLeft(d.message, own);
        if (why) left.push(`${result.file}:${d.line} ${d.code}: ${why}`);
      }
    }
    assert.deepEqual(left, []);
  });

  it('titles every quick fix and tweak in Chinese', () => {
    const service = createLanguageService({
      hostFacts: () => ({ arch: 'x86_64' }),
      randomUuid: () => '00000000-0000-4000-8000-000000000000',
    });
    const settings = { locale: 'zh-cn' as const };
    const left: string[] = [];
    let titles = 0;
    for (const file of EXAMPLES) {
      const text = readFileSync(join(REPO_ROOT, file), 'utf8');
      const own = wordsOf(text);
      const document = TextDocument.create(`file:///${file}`, 'xml', 1, text);
      for (const diagnostic of service.validate(document, settings)) {
        // The fixes of the diagnostic, and the tweaks at its place.
        for (const action of service.codeActions(document, diagnostic.range, { diagnostics: [diagnostic] }, settings)) {
          titles++;
          const why = englishLeft(action.title, own);
          if (why) left.push(`${file} ${diagnostic.code}: ${why}`);
        }
      }
    }
    assert.ok(titles >= 10, `${titles} titles`);
    assert.deepEqual(left, []);
  });

  it('follows LANG, LC_MESSAGES and LC_ALL without --locale (LC_ALL first)', () => {
    assert.deepEqual(lint([], { LANG: 'zh_CN.UTF-8' }), chinese);
    assert.deepEqual(lint([], { LANG: 'zh_CN.UTF-8', LC_ALL: 'C' }), english);
    assert.deepEqual(lint([], { LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }), chinese);
  });
});
