import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentStyle } from '../../server/src/service/edits/documentStyle';
import {
  applyEdits,
  type EditContext,
  insertChild,
  removeAttribute,
  removeElement,
  replaceText,
  setAttribute,
} from '../../server/src/service/edits/xmlEdits';
import { parseXml } from '../../server/src/service/xml/xmlParser';
import { firstChild } from '../../server/src/service/xml/xmlTree';

function setup(text: string) {
  const document = parseXml(text);
  const context: EditContext = { text, style: documentStyle(document) };
  return { root: document.root!, context, apply: (...edits: Parameters<typeof applyEdits>[1]) => applyEdits(text, edits) };
}

describe('documentStyle', () => {
  it('reads single quotes and two-space indentation (virsh dumpxml)', () => {
    const { context } = setup("<domain type='kvm'>\n  <devices>\n    <disk type='file'/>\n  </devices>\n</domain>\n");
    assert.deepEqual(context.style, { quote: "'", indentUnit: '  ', eol: '\n' });
  });

  it('reads double quotes, tabs and CRLF (virt-install, hand-written files)', () => {
    const { context } = setup('<domain type="kvm">\r\n\t<devices>\r\n\t\t<disk type="file"/>\r\n\t</devices>\r\n</domain>\r\n');
    assert.deepEqual(context.style, { quote: '"', indentUnit: '\t', eol: '\r\n' });
  });
});

describe('xmlEdits', () => {
  it('adds a child on its own line in the parent indentation, keeping every other line', () => {
    const text = '<domain>\n  <features>\n    <acpi/>\n  </features>\n</domain>\n';
    const { root, context, apply } = setup(text);
    const features = firstChild(root, 'features')!;
    assert.equal(
      apply(insertChild(features, { name: 'kvm', children: [{ name: 'hidden', attributes: [['state', 'on']] }] }, context)),
      "<domain>\n  <features>\n    <acpi/>\n    <kvm>\n      <hidden state='on'/>\n    </kvm>\n  </features>\n</domain>\n",
    );
  });

  it('opens up a self-closing parent', () => {
    const text = '<domain>\r\n\t<features/>\r\n</domain>';
    const { root, context, apply } = setup(text);
    assert.equal(
      apply(insertChild(firstChild(root, 'features')!, { name: 'acpi' }, context)),
      '<domain>\r\n\t<features>\r\n\t\t<acpi/>\r\n\t</features>\r\n</domain>',
    );
  });

  it('uses the document quote for new attributes and keeps an attribute quote when changing its value', () => {
    const text = '<domain type="kvm" id="1"><os firmware=\'bios\'/></domain>';
    const { root, context, apply } = setup(text);
    const os = firstChild(root, 'os')!;
    assert.equal(apply(setAttribute(os, 'firmware', 'efi', context)), '<domain type="kvm" id="1"><os firmware=\'efi\'/></domain>');
    assert.equal(
      apply(setAttribute(root, 'xmlns:qemu', 'http://libvirt.org/schemas/domain/qemu/1.0', context)),
      '<domain type="kvm" id="1" xmlns:qemu="http://libvirt.org/schemas/domain/qemu/1.0"><os firmware=\'bios\'/></domain>',
    );
  });

  it('removes an element with its whole line, or just itself when it shares the line', () => {
    const text = "<devices>\n  <disk/>\n  <address type='pci'/>\n</devices>";
    const { root, context, apply } = setup(text);
    assert.equal(apply(removeElement(root.children[1], context)), '<devices>\n  <disk/>\n</devices>');
    const inline = setup('<a><b/><c/></a>');
    assert.equal(inline.apply(removeElement(inline.root.children[0], inline.context)), '<a><c/></a>');
  });

  it('removes an attribute with the blank before it', () => {
    const text = "<model type='qxl' primary='yes'/>";
    const { root, context, apply } = setup(text);
    assert.equal(apply(removeAttribute(root, root.attributes[1], context)), "<model type='qxl'/>");
  });

  it('escapes values it writes', () => {
    const { root, context, apply } = setup("<a v='x'>old</a>");
    assert.equal(
      apply(setAttribute(root, 'v', "it's <&>", context), replaceText(root, 'a < b')),
      "<a v='it&apos;s &lt;&amp;>'>a &lt; b</a>",
    );
  });
});
