// Every rule table case is also given to a real libvirtd with the QEMU driver: valid cases must be accepted,
// invalid cases of error rules rejected with libvirt's own message, invalid cases of warning/info rules accepted
// (those are problems libvirt does not catch). This keeps our rules honest about what libvirt really does.

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { unmark } from '../support/marked';
import { collectTablesOnly, expectedVerdict, type RuleCase, type RuleTable } from '../support/ruleTester';
import { defineAndForget, LIBVIRT_TEST_URI, virsh } from '../support/virsh';

const tables = collectTablesOnly();
const rulesDir = join(__dirname, '..', 'rules');
for (const file of readdirSync(rulesDir).filter((name) => name.endsWith('.test.ts')).sort()) {
  require(join(rulesDir, file));
}

const workDir = mkdtempSync(join(tmpdir(), 'libvirt-lint-agreement-'));
let counter = 0;

describe(`libvirt (${LIBVIRT_TEST_URI}) agrees with the rule tables`, () => {
  before(async () => {
    const probe = await virsh(['version']);
    assert.ok(probe.ok, `cannot reach libvirt at ${LIBVIRT_TEST_URI}: ${probe.stderr.trim()}\n`
      + 'Start it as .ci/run does (node scripts/ensure-libvirt.mjs as root).');
  });
  after(() => rmSync(workDir, { recursive: true, force: true }));

  it('found the rule tables', () => assert.ok(tables.length >= 20, `only ${tables.length} tables`));

  for (const table of tables) {
    describe(table.rule, () => {
      for (const kind of ['valid', 'invalid'] as const) {
        for (const testCase of table[kind]) checkCase(table, kind, testCase);
      }
    });
  }
});

function checkCase(table: RuleTable, kind: 'valid' | 'invalid', testCase: RuleCase): void {
  const verdict = expectedVerdict(table, kind, testCase);
  const title = `${kind}: ${testCase.name}`;
  if (typeof verdict === 'object') {
    // Not skipped silently: the reason is part of the test name and the case is still checked to parse.
    it(`${title} — not defined here: ${verdict.skip}`, () => assert.ok(unmark(testCase.xml).text.includes('<domain')));
    return;
  }
  it(`${title} — libvirt ${verdict}`, async () => {
    const name = `lint-agree-${++counter}`;
    const text = unmark(testCase.xml).text.replace(/<name>[^<]*<\/name>/, `<name>${name}</name>`);
    assert.ok(text.includes(`<name>${name}</name>`), 'the case has a <name> to replace');
    const file = join(workDir, `${name}.xml`);
    writeFileSync(file, text);
    const result = await defineAndForget(file, name);
    if (verdict === 'accepts') {
      assert.ok(result.ok, `libvirt rejected it: ${result.stderr.trim()}`);
    } else {
      assert.ok(!result.ok, 'libvirt accepted it');
      const says = testCase.libvirtSays ?? table.libvirtSays;
      if (says) assert.ok(result.stderr.includes(says), `libvirt said ${JSON.stringify(result.stderr.trim())}, expected ${JSON.stringify(says)}`);
    }
  });
}
