import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { README_PATH, READMES, readmeWithRules } from '../../scripts/ruleDocs';
import { ALL_RULES as RULES } from '../../server/src/service/documentKinds';

describe('rule documentation', () => {
  for (const { path, locale } of READMES)
    it(`${basename(path)}'s rules section is up to date (npm run docs)`, () => {
      const readme = readFileSync(path, 'utf8');
      assert.equal(readme, readmeWithRules(readme, locale));
      for (const rule of RULES) assert.ok(readme.includes(`#### ${rule.id}`), rule.id);
    });

  it('README.zh-CN.md links the English README and is named in it', () => {
    // Named, not linked: vsce refuses a README with relative links when the package names no repository.
    assert.match(readFileSync(README_PATH, 'utf8'), /^English · 简体中文: `README\.zh-CN\.md`$/m);
    assert.match(readFileSync(READMES[1].path, 'utf8'), /\(README\.md\)/);
  });

  it('every rule has a module named after its id and a test table', () => {
    // A domain's rules are in service/rules, a network's in service/network/rules, storage's in service/storage/rules.
    const service = join(__dirname, '..', '..', 'server', 'src', 'service');
    const testsDir = join(__dirname, '..', 'rules');
    const modules = new Set(['rules', 'network/rules', 'storage/rules'].flatMap((dir) => readdirSync(join(service, dir))));
    const tests = new Set(readdirSync(testsDir));
    for (const rule of RULES) {
      assert.ok(modules.has(`${rule.id}.ts`), `a module ${rule.id}.ts in server/src/service/{,network/,storage/}rules`);
      assert.ok(tests.has(`${rule.id}.test.ts`), `test/rules/${rule.id}.test.ts`);
    }
  });

  it('rule ids are unique and kebab-case', () => {
    assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length);
    for (const rule of RULES) assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
