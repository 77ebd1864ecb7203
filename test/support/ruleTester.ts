// A table-driven tester for rules, in the manner of ESLint's RuleTester: valid cases must produce no diagnostic of
// the rule; invalid cases mark with «» exactly where each diagnostic must point and list the expected messages.
// The same tables feed test/libvirt/virshAgreement.test.ts, which asks a real libvirtd whether it agrees.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { RULES_BY_ID } from '../../server/src/service/rules';
import { createTestService } from './fakeHost';
import { unmark } from './marked';

export type LibvirtVerdict = 'accepts' | 'rejects' | { readonly skip: string };

export interface RuleCase {
  readonly name: string;
  /** The document; in invalid cases «» marks each expected diagnostic range. */
  readonly xml: string;
  /** Invalid cases: a substring or pattern of each message, in document order. */
  readonly messages?: ReadonlyArray<string | RegExp>;
  readonly hostArch?: string;
  /** What `virsh define` on a real libvirtd does with it; defaults from the rule's severity. */
  readonly libvirt?: LibvirtVerdict;
  /** A substring of libvirt's error when it rejects the case (defaults to the table's). */
  readonly libvirtSays?: string;
  /** Invalid cases: the exact text after applying the fix with this title (pins the formatting of edits). */
  readonly fixed?: ReadonlyArray<{ readonly title: string; readonly output: string }>;
  /** Invalid cases whose problem has no automatic fix, with the reason. */
  readonly noFix?: string;
}

export interface FixOutcome {
  readonly title: string;
  /** A first step of a fix (the problem stays by design). */
  readonly step: boolean;
  readonly text: string;
  /** Diagnostics of the document after the fix. */
  readonly after: Diagnostic[];
}

export interface RuleTable {
  readonly rule: string;
  readonly valid: readonly RuleCase[];
  readonly invalid: readonly RuleCase[];
  /** A substring of libvirt's error for this rule's invalid cases. */
  readonly libvirtSays?: string;
}

const service = createTestService();
const collected: RuleTable[] = [];
let collectOnly = false;

/** For the libvirt agreement test: record tables instead of registering their tests. */
export function collectTablesOnly(): RuleTable[] {
  collectOnly = true;
  return collected;
}

export function diagnosticsOf(rule: string, xml: string, hostArch = 'x86_64'): { diagnostics: Diagnostic[]; document: TextDocument } {
  const document = TextDocument.create('file:///test/domain.xml', 'xml', 1, xml);
  const diagnostics = service.validate(document, { hostArch }).filter((d) => d.code === rule);
  diagnostics.sort((a, b) => document.offsetAt(a.range.start) - document.offsetAt(b.range.start));
  return { diagnostics, document };
}

/** The libvirt verdict a case expects: an error-severity diagnostic means libvirt refuses the domain. */
export function expectedVerdict(table: RuleTable, kind: 'valid' | 'invalid', testCase: RuleCase): LibvirtVerdict {
  if (testCase.libvirt) return testCase.libvirt;
  if (kind === 'valid') return 'accepts';
  // The severity of the case's own diagnostics: one rule (schema) reports both warnings and errors.
  const { diagnostics } = diagnosticsOf(table.rule, unmark(testCase.xml).text, testCase.hostArch);
  return diagnostics.some((d) => d.severity === 1) ? 'rejects' : 'accepts';
}

/** Applies LSP text edits to a text. */
export function applyTextEdits(document: TextDocument, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(document, [...edits]);
}

/** Every quick fix offered for every diagnostic of the rule in `text`, applied, with the diagnostics after it. */
export function fixOutcomes(rule: string, text: string, hostArch = 'x86_64'): FixOutcome[] {
  const { diagnostics, document } = diagnosticsOf(rule, text, hostArch);
  const outcomes: FixOutcome[] = [];
  for (const diagnostic of diagnostics) {
    const actions = service.codeActions(document, diagnostic.range, { diagnostics: [diagnostic], only: ['quickfix'] }, { hostArch });
    for (const action of actions) {
      const change = action.edit?.documentChanges?.[0];
      assert.ok(change && 'edits' in change, `${action.title}: a versioned text document edit`);
      assert.equal(change.textDocument.version, document.version);
      const fixed = applyTextEdits(
        document,
        change.edits.filter((e): e is TextEdit => 'newText' in e),
      );
      const after = service.validate(TextDocument.create(document.uri, 'xml', 2, fixed), { hostArch });
      outcomes.push({ title: action.title, step: (action.data as { step?: boolean } | undefined)?.step === true, text: fixed, after });
    }
  }
  return outcomes;
}

export function testRule(table: RuleTable): void {
  if (collectOnly) {
    collected.push(table);
    return;
  }
  const rule = RULES_BY_ID.get(table.rule);
  describe(table.rule, () => {
    it('is a registered rule with docs and an explanation', () => {
      assert.ok(rule, `rule ${table.rule} is not registered`);
      assert.match(rule.docs, /^https:\/\/libvirt\.org\//);
      assert.ok(rule.explanation.length > 40);
    });
    for (const testCase of table.valid) {
      it(`valid: ${testCase.name}`, () => {
        const { diagnostics } = diagnosticsOf(table.rule, unmark(testCase.xml).text, testCase.hostArch);
        assert.deepEqual(
          diagnostics.map((d) => d.message),
          [],
        );
      });
    }
    for (const testCase of table.invalid) {
      it(`invalid: ${testCase.name}`, () => {
        const { text, spans } = unmark(testCase.xml);
        assert.ok(spans.length > 0, 'an invalid case marks at least one range with «»');
        const { diagnostics, document } = diagnosticsOf(table.rule, text, testCase.hostArch);
        const actual = diagnostics.map((d) => ({ start: document.offsetAt(d.range.start), end: document.offsetAt(d.range.end) }));
        const show = (list: Array<{ start: number; end: number }>) =>
          list.map((s) => `${s.start}-${s.end} ${JSON.stringify(text.slice(s.start, s.end))}`);
        assert.deepEqual(show(actual), show([...spans]), 'diagnostic ranges');
        for (const d of diagnostics) {
          assert.equal(d.source, 'libvirt');
          assert.equal(d.severity !== undefined, true);
          assert.equal(d.codeDescription?.href, rule?.docs);
        }
        testCase.messages?.forEach((expected, i) => {
          const message = String(diagnostics[i]?.message);
          if (typeof expected === 'string')
            assert.ok(message.includes(expected), `message ${i}: ${JSON.stringify(message)} should contain ${JSON.stringify(expected)}`);
          else assert.match(message, expected);
        });
      });
      it(`fixes: ${testCase.name}`, () => {
        const { text } = unmark(testCase.xml);
        const before = service.validate(TextDocument.create('file:///test/domain.xml', 'xml', 1, text), {
          hostArch: testCase.hostArch ?? 'x86_64',
        });
        const outcomes = fixOutcomes(table.rule, text, testCase.hostArch);
        if (testCase.noFix) {
          assert.deepEqual(
            outcomes.map((o) => o.title),
            [],
            `no fix expected: ${testCase.noFix}`,
          );
          return;
        }
        assert.ok(outcomes.length > 0, 'every diagnostic of an invalid case gets at least one quick fix');
        const count = (list: Diagnostic[], code: string) => list.filter((d) => d.code === code).length;
        const errorCodes = (list: Diagnostic[]) => new Set(list.filter((d) => d.severity === 1).map((d) => String(d.code)));
        for (const outcome of outcomes) {
          const where = `after "${outcome.title}":\n${outcome.text}`;
          if (!outcome.step)
            assert.ok(count(outcome.after, table.rule) < count(before, table.rule), `the diagnostic is still there ${where}`);
          if (table.rule !== 'xml-syntax') assert.equal(count(outcome.after, 'xml-syntax'), 0, `not well-formed ${where}`);
          const newErrors = [...errorCodes(outcome.after)].filter((code) => !errorCodes(before).has(code));
          assert.deepEqual(newErrors, [], `new errors ${where}`);
        }
        for (const golden of testCase.fixed ?? []) {
          const outcome = outcomes.find((o) => o.title === golden.title);
          assert.ok(
            outcome,
            `no fix titled ${JSON.stringify(golden.title)}; offered: ${outcomes.map((o) => JSON.stringify(o.title)).join(', ')}`,
          );
          assert.equal(outcome.text, golden.output);
        }
      });
    }
  });
}
