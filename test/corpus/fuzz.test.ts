// Mutations and truncations of real documents: the service must never throw, never hang, and every diagnostic
// must lie inside the document; completion and hover at random places must not throw either. Bounded in time so that CI stays fast; FUZZ_SECONDS runs it longer.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { corpusFiles } from '../support/corpus';
import { createTestService } from '../support/fakeHost';
import { mutate, seededRandom } from '../support/mutations';

const SECONDS = Number(process.env.FUZZ_SECONDS ?? 5);

describe('fuzzing the language service', () => {
  it(`survives ${SECONDS} s of mutated libvirt documents`, () => {
    const files = corpusFiles();
    const service = createTestService();
    const random = seededRandom(Number(process.env.FUZZ_SEED ?? 20261126));
    const deadline = performance.now() + SECONDS * 1000;
    let runs = 0;
    let slowest = 0;
    while (performance.now() < deadline) {
      let text = files[Math.floor(random() * files.length)].text;
      const rounds = 1 + Math.floor(random() * 4);
      for (let i = 0; i < rounds; i++) text = mutate(text, random);
      const document = TextDocument.create('file:///fuzz.xml', 'xml', 1, text);
      const started = performance.now();
      let diagnostics: ReturnType<typeof service.validate> | undefined;
      try {
        diagnostics = service.validate(document, { hostArch: 'x86_64' });
      } catch (error) {
        assert.fail(`threw on input ${JSON.stringify(text.slice(0, 2000))}: ${String(error)}`);
      }
      slowest = Math.max(slowest, performance.now() - started);
      // Completion and hover anywhere, as a user typing in this broken document would ask for them.
      for (let probe = 0; probe < 3; probe++) {
        const position = document.positionAt(Math.floor(random() * (text.length + 1)));
        try {
          const { items } = service.completion(document, position);
          for (const item of items) {
            const edit = item.textEdit as
              | { range: { start: { line: number; character: number }; end: { line: number; character: number } } }
              | undefined;
            if (edit)
              assert.ok(document.offsetAt(edit.range.start) <= document.offsetAt(edit.range.end), 'a completion range runs backwards');
          }
          service.hover(document, position);
        } catch (error) {
          assert.fail(`completion/hover threw at ${JSON.stringify(position)} of ${JSON.stringify(text.slice(0, 2000))}: ${String(error)}`);
        }
      }
      for (const d of diagnostics) {
        assert.ok(!String(d.message).startsWith('Internal error'), `${d.message} on ${JSON.stringify(text.slice(0, 2000))}`);
        assert.ok(document.offsetAt(d.range.start) <= document.offsetAt(d.range.end));
        assert.ok(document.offsetAt(d.range.end) <= text.length);
      }
      runs++;
    }
    assert.ok(runs > 100, `only ${runs} runs`);
    assert.ok(slowest < 250, `slowest document took ${slowest.toFixed(1)} ms`);
  });
});
