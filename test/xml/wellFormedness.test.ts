// Differential test against libxml2 (xmllint), the parser libvirt itself uses: on real documents and their
// mutations, our parser calls a document well-formed exactly when libxml2 does.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { parseXml } from '../../server/src/service/xml/xmlParser';
import { corpusFiles } from '../support/corpus';
import { mutate, seededRandom } from '../support/mutations';

function libxml2WellFormed(text: string): boolean {
  const result = spawnSync('xmllint', ['--noout', '--nonet', '-'], { input: text, timeout: 10_000 });
  assert.ok(result.status !== null && result.error === undefined, `xmllint could not run (install libxml2-utils): ${String(result.error)}`);
  return result.status === 0;
}

describe('well-formedness agrees with libxml2', () => {
  it('on 300 mutated libvirt documents', () => {
    const files = corpusFiles();
    const random = seededRandom(7);
    const disagreements: string[] = [];
    let malformed = 0;
    for (let i = 0; i < 300; i++) {
      const text = mutate(files[Math.floor(random() * files.length)].text, random);
      const ours = parseXml(text).errors.length === 0;
      const theirs = libxml2WellFormed(text);
      if (!theirs) malformed++;
      if (ours !== theirs) disagreements.push(`ours=${ours} libxml2=${theirs}: ${JSON.stringify(text.slice(0, 3000))}`);
    }
    assert.ok(malformed > 50, `only ${malformed} malformed inputs: the mutations are too gentle`);
    assert.deepEqual(disagreements, []);
  });
});
