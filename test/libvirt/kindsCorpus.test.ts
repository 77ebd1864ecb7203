// The networks, pools and volumes of libvirt's own tests against the real libvirtd: each one the linter passes
// without error must be accepted (net-define, pool-define, vol-create in a scratch dir pool), each one listed as
// refused must be refused with libvirt's message. Files this host cannot decide (a pool backend or a secret it
// lacks) are skipped with the reason.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { KIND_CORPUS, kindCorpusFiles } from '../support/kindCorpus';
import { defineKindAndForget, scratchPool, testDomainName } from '../support/virsh';

const workDir = mkdtempSync(join(tmpdir(), 'lint-kinds-corpus-'));
let volumes: Awaited<ReturnType<typeof scratchPool>> | undefined;

describe("libvirt's own network, pool and volume test inputs on the real libvirtd", () => {
  before(async () => {
    volumes = await scratchPool();
  });
  after(async () => {
    await volumes?.remove();
    rmSync(workDir, { recursive: true, force: true });
  });

  for (const corpus of KIND_CORPUS) {
    describe(corpus.dir, () => {
      for (const file of kindCorpusFiles(corpus)) {
        const refusal = corpus.refused[file.name];
        const undecidable = corpus.undecidable?.[file.name];
        it(`${file.name} — libvirt ${refusal ? 'refuses' : 'accepts'} it`, async (t) => {
          // A fresh name (volumes: keep the file's; they go in the scratch pool and are deleted after).
          const name = corpus.kind === 'volume' ? (/<name>([^<]*)<\/name>/.exec(file.text)?.[1] ?? 'v') : testDomainName('corpus');
          const text = corpus.kind === 'volume' ? file.text : file.text.replace(/<name>[^<]*<\/name>/, `<name>${name}</name>`);
          const path = join(workDir, file.name);
          writeFileSync(path, text);
          const result = await defineKindAndForget(corpus.kind, path, name, { pool: volumes?.name });
          if (undecidable && !result.ok) {
            t.skip(`${undecidable}: ${result.stderr.trim()}`);
            return;
          }
          if (refusal) {
            assert.ok(!result.ok, 'libvirt accepted it');
            assert.ok(result.stderr.includes(refusal.says), `libvirt said ${JSON.stringify(result.stderr.trim())}`);
          } else assert.ok(result.ok, `libvirt refused it: ${result.stderr.trim()}`);
        });
      }
    });
  }
});
