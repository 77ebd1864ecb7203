// Completion over a word that goes on after the cursor (the whole word is replaced, or an InsertReplaceEdit when
// the client takes one), and the elements allowed between elements on a blank line.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, InsertReplaceEdit } from 'vscode-languageserver-types';
import { completeAt } from '../support/completion';
import { domainXml } from '../support/domainXml';
import { createTestService } from '../support/fakeHost';

const disk = (target: string) => `    <disk type='file' device='disk'>\n      ${target}\n    </disk>`;

describe('completion over the rest of a word', () => {
  it("replaces the whole value: 'virtio' at bus='sa|ta' gives bus='virtio'", () => {
    const completion = completeAt(domainXml({ devices: disk("<target dev='vda' bus='sa|ta'/>") }));
    assert.match(completion.accept('virtio'), /<target dev='vda' bus='virtio'\/>/);
  });

  it('replaces the whole attribute name and element name', () => {
    // A misspelt attribute being renamed keeps its value.
    const attribute = completeAt(domainXml({ devices: disk("<target dev='vda' bu|z='sata'/>") }));
    assert.ok(attribute.labels.includes('bus'), attribute.labels.join(' '));
    assert.match(attribute.accept('bus'), /<target dev='vda' bus='sata'\/>/);
    const element = completeAt(domainXml({ devices: '    <host|dev>' }));
    assert.doesNotMatch(element.accept('hostdev'), /hostdevdev/);
  });

  it('gives an InsertReplaceEdit when the client takes one: insert up to the cursor, replace the whole value', () => {
    const marked = domainXml({ devices: disk("<target dev='vda' bus='sa|ta'/>") });
    const offset = marked.indexOf('|');
    const text = marked.slice(0, offset) + marked.slice(offset + 1);
    const document = TextDocument.create('file:///ir.xml', 'xml', 1, text);
    const items = createTestService().completion(document, document.positionAt(offset), { insertReplace: true }).items;
    const virtio = items.find((item: CompletionItem) => item.label === 'virtio')!;
    const edit = virtio.textEdit as InsertReplaceEdit;
    const at = (position: { line: number; character: number }) => document.offsetAt(position);
    assert.equal(text.slice(at(edit.insert.start), at(edit.insert.end)), 'sa');
    assert.equal(text.slice(at(edit.replace.start), at(edit.replace.end)), 'sata');
  });
});

describe('completion on a blank line between elements', () => {
  it('offers the elements allowed there, as snippets with their <', () => {
    const devices = `${disk("<target dev='vda' bus='virtio'/>")}\n    |\n    <graphics type='vnc'/>`;
    const completion = completeAt(domainXml({ devices }));
    assert.ok(completion.labels.includes('hostdev') && completion.labels.includes('interface'), completion.labels.slice(0, 10).join(' '));
    assert.ok(!completion.labels.includes('vcpu'), 'only what <devices> allows');
    const accepted = completion.accept('memballoon');
    assert.match(accepted, /\n {4}<memballoon model='virtio'/);
  });

  it('offers nothing of the kind inside an element that holds only text', () => {
    const completion = completeAt(domainXml({ extra: '  <description>\n    |\n  </description>' }));
    assert.ok(!completion.labels.includes('hostdev'));
  });
});
