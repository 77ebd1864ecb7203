// Networks, storage pools and volumes from libvirt 9.0's own tests (test/corpus/libvirt-9.0.0/*xml2xmlin): no rule
// may call an accepted one an error, and the ones a real libvirtd refuses (test/libvirt/kindsCorpus.test.ts checks
// which) are errors here too, each with the rule that says why.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createTestService } from '../support/fakeHost';
import { KIND_CORPUS, kindCorpusFiles } from '../support/kindCorpus';

const service = createTestService();
const errorsOf = (name: string, text: string) =>
  service
    .validate(TextDocument.create(`file:///corpus/${name}`, 'xml', 1, text))
    .filter((d) => d.severity === DiagnosticSeverity.Error)
    .map((d) => `${d.code}`);

describe("networks, pools and volumes from libvirt's tests", () => {
  for (const corpus of KIND_CORPUS) {
    it(`${corpus.dir}: no error on the ${corpus.kind}s libvirt accepts, the refusals found with their rule`, () => {
      const files = kindCorpusFiles(corpus);
      assert.ok(files.length >= 20, `${files.length} files`);
      const falseErrors: string[] = [];
      const found: Record<string, string[]> = {};
      for (const file of files) {
        const errors = errorsOf(file.name, file.text);
        if (corpus.refused[file.name]) found[file.name] = [...new Set(errors)];
        else if (errors.length) falseErrors.push(`${file.name}: ${errors.join(', ')}`);
      }
      assert.deepEqual(falseErrors, []);
      const expected = Object.fromEntries(
        Object.entries(corpus.refused)
          .filter(([, refusal]) => refusal.rule)
          .map(([name, refusal]) => [name, [refusal.rule!]]),
      );
      assert.deepEqual(Object.fromEntries(Object.entries(found).filter(([name]) => corpus.refused[name]!.rule)), expected);
    });
  }
});
