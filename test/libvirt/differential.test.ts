// The differential test: domains a real libvirtd accepts (libvirt's own test domains), mutated the way users edit
// them (test/support/domainMutations.ts), each mutant defined on the real daemon and linted. Precision: every
// linter error that claims libvirt refuses the definition must be a refusal (asserted: no false error). Recall:
// the share of libvirt's refusals the linter reports as errors (printed). Errors that say libvirt refuses to
// *start* the domain are counted apart: define accepts those by design.
// A bounded, seeded run here; LINT_DIFFERENTIAL=N runs N mutants (LINT_DIFFERENTIAL_SEED picks another seed) and
// prints each refusal the linter missed.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { corpusFiles, guestArchOf } from '../support/corpus';
import { mutateDomain } from '../support/domainMutations';
import { createTestService } from '../support/fakeHost';
import { seededRandom } from '../support/mutations';
import { testDomainName, virsh } from '../support/virsh';

const COUNT = Number(process.env.LINT_DIFFERENTIAL ?? 120);
const SEED = Number(process.env.LINT_DIFFERENTIAL_SEED ?? 20261201);
const HAS_KVM = existsSync('/dev/kvm');
const workDir = mkdtempSync(join(tmpdir(), 'lint-differential-'));
const service = createTestService();

interface Outcome {
  readonly what: string;
  readonly file: string;
  readonly refused: string | undefined;
  readonly defineErrors: readonly string[];
  readonly startErrors: readonly string[];
}

async function defineVerdict(text: string): Promise<string | undefined> {
  const name = testDomainName('diff');
  // A fresh name and no UUID (libvirt makes one): a mutant must not collide with a domain defined elsewhere.
  const named = text.replace(/<name>[^<]*<\/name>/, `<name>${name}</name>`).replace(/<uuid>[^<]*<\/uuid>/, '');
  const file = join(workDir, `${name}.xml`);
  writeFileSync(file, named);
  const result = await virsh(['define', '--file', file]);
  // A mutant that takes the daemon down is a libvirt bug worth knowing, and every later define would fail.
  assert.ok(
    !/Failed to connect socket|Cannot recv data|End of file while reading data/.test(result.stderr),
    `libvirtd went away on:\n${named}\n${result.stderr}`,
  );
  if (result.ok) {
    await virsh(['undefine', '--nvram', '--domain', name]);
    return undefined;
  }
  return result.stderr
    .replace(/^error: Failed to define domain from \S+\n/, '')
    .replace(/^error: /, '')
    .trim();
}

function lintErrors(text: string): { define: string[]; start: string[] } {
  const document = TextDocument.create('file:///differential.xml', 'xml', 1, text);
  const errors = service.validate(document, { hostArch: guestArchOf(text) }).filter((d) => d.severity === 1);
  const line = (d: (typeof errors)[number]) => `${d.code}: ${d.message}`;
  return {
    define: errors.filter((d) => !String(d.message).includes('refuses to start it')).map(line),
    start: errors.filter((d) => String(d.message).includes('refuses to start it')).map(line),
  };
}

describe(`differential test: ${COUNT} mutants of libvirt's accepted domains on the real libvirtd (seed ${SEED})`, () => {
  after(() => rmSync(workDir, { recursive: true, force: true }));

  it('no linter error claims a refusal libvirt does not make; recall reported', async () => {
    const random = seededRandom(SEED);
    const files = corpusFiles().filter((file) => file.text.includes('<domain'));
    const outcomes: Outcome[] = [];
    const baseline = new Map<string, boolean>();
    let attempts = 0;
    while (outcomes.length < COUNT && attempts++ < COUNT * 10) {
      const file = files[Math.floor(random() * files.length)]!;
      const original = HAS_KVM ? file.text : file.text.replace(/<domain type=(['"])kvm\1/, '<domain type=$1qemu$1');
      // Only domains this libvirtd defines as they are: what a mutant changes is then what decides.
      if (!baseline.has(file.name)) baseline.set(file.name, (await defineVerdict(original)) === undefined);
      if (!baseline.get(file.name)) continue;
      const mutant = mutateDomain(original, random);
      if (!mutant) continue;
      const errors = lintErrors(mutant.text);
      outcomes.push({
        what: mutant.what,
        file: file.name,
        refused: await defineVerdict(mutant.text),
        defineErrors: errors.define,
        startErrors: errors.start,
      });
    }
    const refused = outcomes.filter((o) => o.refused);
    const caught = refused.filter((o) => o.defineErrors.length + o.startErrors.length > 0);
    const falseErrors = outcomes.filter((o) => !o.refused && o.defineErrors.length > 0);
    const claimed = outcomes.filter((o) => o.defineErrors.length > 0);
    const precision = claimed.length ? (claimed.length - falseErrors.length) / claimed.length : 1;
    const recall = refused.length ? caught.length / refused.length : 1;
    console.log(
      `differential: ${outcomes.length} mutants (${baseline.size} originals tried), ${refused.length} refused by libvirt; ` +
        `linter errors on ${claimed.length}: precision ${(precision * 100).toFixed(1)} %, recall ${(recall * 100).toFixed(1)} % ` +
        `(${caught.length}/${refused.length}); start-time errors on ${outcomes.filter((o) => o.startErrors.length).length}`,
    );
    if (process.env.LINT_DIFFERENTIAL)
      for (const missed of refused.filter((o) => !caught.includes(o)))
        console.log(`  missed: ${missed.file}: ${missed.what}\n    libvirt: ${missed.refused}`);
    assert.ok(outcomes.length >= Math.min(COUNT, 50), `only ${outcomes.length} mutants`);
    assert.deepEqual(
      falseErrors.map((o) => `${o.file}: ${o.what}: ${o.defineErrors.join('; ')}`),
      [],
      'linter errors on mutants libvirt defines',
    );
  });
});
