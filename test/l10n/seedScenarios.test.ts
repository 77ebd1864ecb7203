// The seed's scenarios (examples/) linted in Simplified Chinese by the real CLI: every message in Chinese with no
// English left outside libvirt's quoted messages and XML, and the same codes and positions as in English.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
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
    for (const result of chinese)
      for (const d of result.diagnostics) {
        if (!/[\u4e00-\u9fff]/.test(d.message) || englishWords(d.message).length > 0)
          left.push(`${result.file}:${d.line} ${d.code}: ${d.message} [${englishWords(d.message).join(' ')}]`);
      }
    assert.deepEqual(left, []);
  });

  it('follows LANG, LC_MESSAGES and LC_ALL without --locale (LC_ALL first)', () => {
    assert.deepEqual(lint([], { LANG: 'zh_CN.UTF-8' }), chinese);
    assert.deepEqual(lint([], { LANG: 'zh_CN.UTF-8', LC_ALL: 'C' }), english);
    assert.deepEqual(lint([], { LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }), chinese);
  });
});
