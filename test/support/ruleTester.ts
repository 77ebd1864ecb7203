// A table-driven tester for rules, in the manner of ESLint's RuleTester: valid cases must produce no diagnostic of
// the rule; invalid cases mark with «» exactly where each diagnostic must point and list the expected messages.
// The same tables feed test/libvirt/virshAgreement.test.ts, which asks a real libvirtd whether it agrees.
// As strict as ESLint's: each invalid case's exact messages and the exact output of every fix it offers (as a line
// diff) are pinned in test/rules/expected/<rule-id>.txt; UPDATE_EXPECTED=1 rewrites those files after a deliberate
// change (read the diff before committing it).

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ALL_RULES_BY_ID as RULES_BY_ID } from '../../server/src/service/documentKinds';
import type { HostFacts } from '../../server/src/service/hostFacts';
import { createLanguageService, type LanguageService } from '../../server/src/service/languageService';
import { severityName } from '../../server/src/service/lspConversions';
import { createWorkspaceIndex } from '../../server/src/service/workspaceDefinitions';
import { applyCodeAction } from './edits';
import { createTestService, fakeEnvironment } from './fakeHost';
import { lineDiff } from './lineDiff';
import { unmark } from './marked';

export type LibvirtVerdict = 'accepts' | 'rejects' | { readonly skip: string };

export interface RuleCase {
  readonly name: string;
  /** The document; in invalid cases «» marks each expected diagnostic range. */
  readonly xml: string;
  /** Invalid cases: a substring or pattern of each message, in document order. */
  readonly messages?: ReadonlyArray<string | RegExp>;
  readonly hostArch?: string;
  /** The host's facts (a recorded host, as over a connection); the plain x86_64 host without host facts otherwise. */
  readonly host?: HostFacts;
  /** What `virsh define` on a real libvirtd does with it; defaults from the rule's severity. */
  readonly libvirt?: LibvirtVerdict;
  /** A substring of libvirt's error when it rejects the case (defaults to the table's). */
  readonly libvirtSays?: string;
  /** Invalid cases: the exact text after applying the fix with this title (pins the formatting of edits). */
  readonly fixed?: ReadonlyArray<{ readonly title: string; readonly output: string }>;
  /** Invalid cases whose problem has no automatic fix, with the reason. */
  readonly noFix?: string;
  /** Network and pool documents of the case's workspace (for the checks across documents). */
  readonly workspace?: readonly string[];
}

export interface FixOutcome {
  /** Which of the rule's diagnostics (in document order) offered it. */
  readonly diagnostic: number;
  readonly title: string;
  readonly preferred: boolean;
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

const services = new Map<HostFacts | undefined, LanguageService>();
const workspaceServices = new Map<string, LanguageService>();
/**
 * The service for a case's host (the plain x86_64 host unless the case names a recorded one) and, when the case has
 * workspace documents, a workspace of them (indexed as the language server indexes a workspace's files).
 */
const serviceFor = (host?: HostFacts, workspace?: readonly string[]): LanguageService => {
  if (workspace?.length) {
    const key = JSON.stringify(workspace);
    let service = workspaceServices.get(key);
    if (!service) {
      const index = createWorkspaceIndex();
      workspace.forEach((text, i) => {
        index.set(`file:///workspace/definition-${i + 1}.xml`, text);
      });
      service = createLanguageService({ ...fakeEnvironment(host), workspace: () => index.snapshot() });
      workspaceServices.set(key, service);
    }
    return service;
  }
  let service = services.get(host);
  if (!service) services.set(host, (service = host ? createTestService(host) : createTestService()));
  return service;
};
const collected: RuleTable[] = [];
let collectOnly = false;

/** For the libvirt agreement test: record tables instead of registering their tests. */
export function collectTablesOnly(): RuleTable[] {
  collectOnly = true;
  return collected;
}

export function diagnosticsOf(
  rule: string,
  xml: string,
  hostArch = 'x86_64',
  host?: HostFacts,
  workspace?: readonly string[],
): { diagnostics: Diagnostic[]; document: TextDocument } {
  const document = TextDocument.create('file:///test/domain.xml', 'xml', 1, xml);
  const diagnostics = serviceFor(host, workspace)
    .validate(document, { hostArch })
    .filter((d) => d.code === rule);
  diagnostics.sort((a, b) => document.offsetAt(a.range.start) - document.offsetAt(b.range.start));
  return { diagnostics, document };
}

/** The libvirt verdict a case expects: an error-severity diagnostic means libvirt refuses the domain. */
export function expectedVerdict(table: RuleTable, kind: 'valid' | 'invalid', testCase: RuleCase): LibvirtVerdict {
  if (testCase.libvirt) return testCase.libvirt;
  if (kind === 'valid') return 'accepts';
  // The severity of the case's own diagnostics: one rule (schema) reports both warnings and errors.
  const { diagnostics } = diagnosticsOf(table.rule, unmark(testCase.xml).text, testCase.hostArch, testCase.host, testCase.workspace);
  return diagnostics.some((d) => d.severity === 1) ? 'rejects' : 'accepts';
}

/** Every quick fix offered for every diagnostic of the rule in `text`, applied, with the diagnostics after it. */
export function fixOutcomes(
  rule: string,
  text: string,
  hostArch = 'x86_64',
  host?: HostFacts,
  workspace?: readonly string[],
): FixOutcome[] {
  const service = serviceFor(host, workspace);
  const { diagnostics, document } = diagnosticsOf(rule, text, hostArch, host, workspace);
  const outcomes: FixOutcome[] = [];
  diagnostics.forEach((diagnostic, index) => {
    const actions = service.codeActions(document, diagnostic.range, { diagnostics: [diagnostic], only: ['quickfix'] }, { hostArch });
    for (const action of actions) {
      const fixed = applyCodeAction(document, action);
      const after = service.validate(TextDocument.create(document.uri, 'xml', 2, fixed), { hostArch });
      const step = (action.data as { step?: boolean } | undefined)?.step === true;
      outcomes.push({ diagnostic: index, title: action.title, preferred: action.isPreferred === true, step, text: fixed, after });
    }
  });
  return outcomes;
}

const EXPECTED_DIR = join(__dirname, '..', 'rules', 'expected');
const UPDATE = process.env.UPDATE_EXPECTED === '1';

/** What an invalid case reports and what each fix makes of it, as pinned in the expected file. */
export function describeOutcome(rule: string, testCase: RuleCase): string {
  const { text } = unmark(testCase.xml);
  const { diagnostics } = diagnosticsOf(rule, text, testCase.hostArch, testCase.host, testCase.workspace);
  const outcomes = fixOutcomes(rule, text, testCase.hostArch, testCase.host, testCase.workspace);
  const lines: string[] = [];
  diagnostics.forEach((diagnostic, index) => {
    lines.push(`${severityName(diagnostic.severity)}: ${String(diagnostic.message).replace(/\n/g, '\\n')}`);
    for (const outcome of outcomes.filter((o) => o.diagnostic === index)) {
      const marks = [outcome.preferred ? 'preferred' : '', outcome.step ? 'step' : ''].filter(Boolean).join(', ');
      lines.push(`fix${marks ? ` (${marks})` : ''}: ${outcome.title}`, lineDiff(text, outcome.text));
    }
  });
  return lines.join('\n');
}

function expectedFile(rule: string): string {
  return join(EXPECTED_DIR, `${rule}.txt`);
}

function renderExpected(table: RuleTable): string {
  const header = [
    `# ${table.rule}: the exact messages of each invalid case and the exact output of each of its fixes (a line diff).`,
    '# Written by UPDATE_EXPECTED=1 node test/run.mjs test/rules; read the diff before committing it.',
  ];
  const sections = table.invalid.map((testCase) => `## ${testCase.name}\n${describeOutcome(table.rule, testCase)}`);
  return `${[header.join('\n'), ...sections].join('\n\n')}\n`;
}

/** The expected file's sections by case name. */
function readExpected(rule: string): Map<string, string> {
  const sections = new Map<string, string>();
  if (!existsSync(expectedFile(rule))) return sections;
  const text = readFileSync(expectedFile(rule), 'utf8');
  for (const section of text.split(/\n\n(?=## )/).slice(1)) {
    const newline = section.indexOf('\n');
    const name = section.slice(3, newline === -1 ? undefined : newline);
    sections.set(name, newline === -1 ? '' : section.slice(newline + 1).replace(/\n$/, ''));
  }
  return sections;
}

export function testRule(table: RuleTable): void {
  if (collectOnly) {
    collected.push(table);
    return;
  }
  const rule = RULES_BY_ID.get(table.rule);
  if (UPDATE) {
    mkdirSync(EXPECTED_DIR, { recursive: true });
    writeFileSync(expectedFile(table.rule), renderExpected(table));
  }
  const expected = readExpected(table.rule);
  describe(table.rule, () => {
    it('is a registered rule with docs and an explanation', () => {
      assert.ok(rule, `rule ${table.rule} is not registered`);
      assert.match(rule.docs, /^https:\/\/libvirt\.org\//);
      assert.ok(rule.explanation.length > 40);
    });
    it('names its invalid cases uniquely and pins each of them, no more', () => {
      const names = table.invalid.map((testCase) => testCase.name);
      assert.deepEqual(
        names.filter((name, i) => names.indexOf(name) !== i),
        [],
        'case names are unique',
      );
      const stale = [...expected.keys()].filter((name) => !names.includes(name));
      assert.deepEqual(
        stale,
        [],
        `expected outcomes of cases that no longer exist (UPDATE_EXPECTED=1 rewrites ${expectedFile(table.rule)})`,
      );
    });
    for (const testCase of table.valid) {
      it(`valid: ${testCase.name}`, () => {
        const { diagnostics } = diagnosticsOf(table.rule, unmark(testCase.xml).text, testCase.hostArch, testCase.host, testCase.workspace);
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
        const { diagnostics, document } = diagnosticsOf(table.rule, text, testCase.hostArch, testCase.host, testCase.workspace);
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
      it(`exact messages and fix outputs: ${testCase.name}`, () => {
        const pinned = expected.get(testCase.name);
        assert.ok(pinned !== undefined, `no expected outcome in ${expectedFile(table.rule)} (UPDATE_EXPECTED=1 writes it)`);
        assert.equal(describeOutcome(table.rule, testCase), pinned);
      });
      it(`fixes: ${testCase.name}`, () => {
        const { text } = unmark(testCase.xml);
        const before = serviceFor(testCase.host, testCase.workspace).validate(
          TextDocument.create('file:///test/domain.xml', 'xml', 1, text),
          {
            hostArch: testCase.hostArch ?? 'x86_64',
          },
        );
        const outcomes = fixOutcomes(table.rule, text, testCase.hostArch, testCase.host, testCase.workspace);
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
