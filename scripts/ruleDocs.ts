// docs/rules.md is generated from the rule modules (one source of truth): `npm run docs` rewrites it, and
// test/docs/ruleDocs.test.ts fails when it is out of date.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../server/src/service/rules';

export const RULE_DOCS_PATH = join(__dirname, '..', 'docs', 'rules.md');

/** Markdown would read <os> as an HTML tag. */
const escape = (text: string) => text.replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function renderRuleDocs(): string {
  const lines = [
    '# Rules',
    '',
    '<!-- Generated from server/src/service/rules/*.ts by `npm run docs`; do not edit by hand. -->',
    '',
    'Every diagnostic carries its rule id as `code`. Set a rule to `off`, `error`, `warning`, `info` or `hint` with',
    '`libvirt-lint --rule ID=SEVERITY` or the `libvirt.rules` setting of the language server.',
    '',
    '| id | default | what it finds |',
    '|---|---|---|',
    ...RULES.map((rule) => `| [\`${rule.id}\`](#${rule.id}) | ${rule.severity} | ${escape(rule.title).replace(/\|/g, '\\|')} |`),
    '',
  ];
  for (const rule of RULES) {
    lines.push(`## ${rule.id}`, '', `**${rule.severity}** — ${escape(rule.title)}.`, '', escape(rule.explanation), '', `libvirt documentation: <${rule.docs}>`, '');
  }
  return lines.join('\n');
}

if (require.main === module) {
  writeFileSync(RULE_DOCS_PATH, renderRuleDocs());
  console.log(`wrote ${RULE_DOCS_PATH} (${RULES.length} rules)`);
}
