// Every rule table case is also given to a real libvirtd with the QEMU driver: valid cases must be accepted,
// invalid cases of error rules rejected with libvirt's own message, invalid cases of warning/info rules accepted
// (those are problems libvirt does not catch). This keeps our rules honest about what libvirt really does.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { unmark } from '../support/marked';
import { collectTablesOnly, diagnosticsOf, expectedVerdict, fixOutcomes, type RuleCase, type RuleTable } from '../support/ruleTester';
import { defineAndForget, defineKindAndForget, kindOfText, LIBVIRT_TEST_URI, scratchPool, testDomainName, virsh } from '../support/virsh';

const tables = collectTablesOnly();
const rulesDir = join(__dirname, '..', 'rules');
for (const file of readdirSync(rulesDir)
  .filter((name) => name.endsWith('.test.ts'))
  .sort()) {
  require(join(rulesDir, file));
}

const HAS_KVM = existsSync('/dev/kvm');
const workDir = mkdtempSync(join(tmpdir(), 'libvirt-lint-agreement-'));

/** The dir pool volume cases are created in. */
let volumes: Awaited<ReturnType<typeof scratchPool>> | undefined;

describe(`libvirt (${LIBVIRT_TEST_URI}) agrees with the rule tables`, () => {
  before(async () => {
    const probe = await virsh(['version']);
    assert.ok(
      probe.ok,
      `cannot reach libvirt at ${LIBVIRT_TEST_URI}: ${probe.stderr.trim()}\n` +
        'Start it as .ci/run does (node scripts/ensure-libvirt.mjs as root).',
    );
    volumes = await scratchPool();
  });
  after(async () => {
    await volumes?.remove();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('found the rule tables', () => assert.ok(tables.length >= 20, `only ${tables.length} tables`));

  for (const table of tables) {
    describe(table.rule, () => {
      for (const kind of ['valid', 'invalid'] as const) {
        for (const testCase of table[kind]) checkCase(table, kind, testCase);
      }
    });
  }
});

/**
 * Writes a case's text under a fresh name and asks libvirt to define it (a domain, network or pool) or create it (a
 * volume, in the scratch pool). With `start`, a network is started too: the verdict is the start's.
 */
async function define(text: string, start = false) {
  const name = testDomainName('agree');
  const named = text.replace(/<name>[^<]*<\/name>/, `<name>${name}</name>`);
  assert.ok(named.includes(`<name>${name}</name>`), 'the case has a <name> to replace');
  const file = join(workDir, `${name}.xml`);
  writeFileSync(file, named);
  const kind = kindOfText(named);
  return kind === 'domain' ? defineAndForget(file, name) : defineKindAndForget(kind, file, name, { pool: volumes?.name, start });
}

/** A network case whose diagnostics say libvirt refuses to start it: it must define, and fail to start. */
function refusedAtNetStart(table: RuleTable, testCase: RuleCase): boolean {
  const { text } = unmark(testCase.xml);
  if (kindOfText(text) !== 'network') return false;
  return diagnosticsOf(table.rule, text).diagnostics.some((d) => String(d.message).includes('refuses to start it (net-start'));
}

/** After a quick fix that leaves no error diagnostic, libvirt must accept the document. */
function checkFixes(table: RuleTable, testCase: RuleCase): void {
  if (testCase.noFix || typeof expectedVerdict(table, 'invalid', testCase) === 'object') return;
  it(`fixes of "${testCase.name}" — libvirt accepts the fixed document`, async () => {
    const all = fixOutcomes(table.rule, unmark(testCase.xml).text, testCase.hostArch, testCase.host);
    const outcomes = all
      .filter((outcome) => !outcome.step && !outcome.after.some((d) => d.severity === 1))
      // type='kvm' needs /dev/kvm, which this machine may not have: such fixed documents are checked where it exists.
      .filter((outcome) => HAS_KVM || !/<domain[^>]*type=['"]kvm['"]/.test(outcome.text));
    if (outcomes.length === 0) {
      // Several problems in one case: each fix removes one, the others remain.
      assert.ok(
        all.every((outcome) => outcome.after.some((d) => d.code === table.rule)) || !HAS_KVM,
        'no fix leaves an error-free document',
      );
      return;
    }
    for (const outcome of outcomes) {
      const result = await define(outcome.text);
      assert.ok(result.ok, `after "${outcome.title}" libvirt says: ${result.stderr.trim()}\n${outcome.text}`);
    }
  });
}

function checkCase(table: RuleTable, kind: 'valid' | 'invalid', testCase: RuleCase): void {
  const verdict = expectedVerdict(table, kind, testCase);
  const title = `${kind}: ${testCase.name}`;
  if (typeof verdict === 'object') {
    // A real skip, with its reason: this libvirtd cannot tell (e.g. it needs a host this machine is not).
    it(`${title} — libvirt`, { skip: `not defined here: ${verdict.skip}` }, () => {});
    return;
  }
  if (kind === 'invalid') checkFixes(table, testCase);
  if (kind === 'invalid' && verdict === 'accepts' && refusedAtNetStart(table, testCase))
    it(`${title} — libvirt defines it and refuses to start it`, async () => {
      const started = await define(unmark(testCase.xml).text, true);
      assert.ok(!started.ok, 'libvirt started it');
    });
  it(`${title} — libvirt ${verdict}`, async () => {
    const result = await define(unmark(testCase.xml).text);
    if (verdict === 'accepts') {
      assert.ok(result.ok, `libvirt rejected it: ${result.stderr.trim()}`);
    } else {
      assert.ok(!result.ok, 'libvirt accepted it');
      const says = testCase.libvirtSays ?? table.libvirtSays;
      if (says)
        assert.ok(result.stderr.includes(says), `libvirt said ${JSON.stringify(result.stderr.trim())}, expected ${JSON.stringify(says)}`);
    }
  });
}
