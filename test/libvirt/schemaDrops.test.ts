// The schema rule says an unknown element or attribute is "ignored and dropped on define". A real libvirtd
// checks that promise: every such warning points at something `virsh dumpxml` no longer has.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { domainXml } from '../support/domainXml';
import { createTestService } from '../support/fakeHost';
import { defineRoundTrip } from '../support/virsh';

const service = createTestService();

const UNKNOWN_EVERYWHERE = domainXml({
  extra:
    "  <vcpu placement='static' pinning='all'>2</vcpu>\n  <clock offset='utc'>\n    <timer name='rtc' tickpolicy='catchup'/>\n    <tick/>\n  </clock>",
  os: "    <boot dev='hd' order='1'/>\n    <bootsplash/>",
  features: "    <acpi/>\n    <hyperv mode='custom'>\n      <relaxed state='on' retries='3'/>\n    </hyperv>",
  cpu: "  <cpu mode='host-model' cache='passthrough'>\n    <numa-node/>\n  </cpu>",
  devices: `    <disk type='file' device='disk' cache='none'>
      <driver name='qemu' type='qcow2' cahce='none'/>
      <source file='/var/lib/libvirt/images/a.qcow2'/>
      <target dev='vda' bus='virtio'/>
      <bootorder>1</bootorder>
    </disk>
    <interface type='network' model='e1000e'>
      <source network='default'/>
    </interface>
    <gpu/>`,
});

describe('schema warnings against a real libvirtd', () => {
  it('every unknown element and attribute it warns about is dropped by virsh define', async () => {
    const document = TextDocument.create('file:///drops.xml', 'xml', 1, UNKNOWN_EVERYWHERE);
    const warnings = service.validate(document).filter((d) => d.code === 'schema');
    const warned = warnings.map((d) => document.getText(d.range));
    assert.deepEqual(warned, [
      'pinning',
      'tick',
      'order',
      'bootsplash',
      'retries',
      'cache',
      'numa-node',
      'cache',
      'cahce',
      'bootorder',
      'model',
      'gpu',
    ]);
    assert.ok(warnings.every((d) => d.severity === 2 && String(d.message).includes('drops it on define')));

    const { text, stored } = await defineRoundTrip(UNKNOWN_EVERYWHERE, 'schema-drops');
    for (const warning of warnings) {
      const name = document.getText(warning.range);
      const isElement = String(warning.message).startsWith('Unknown element');
      // An attribute with its value as written: the same name may rightly appear elsewhere (controller model=).
      const written = new RegExp(`${name}='([^']*)'`).exec(text.slice(document.offsetAt(warning.range.start)))?.[0];
      const kept = isElement ? new RegExp(`<${name}[\\s/>]`) : new RegExp(`\\s${written}`);
      assert.doesNotMatch(
        stored,
        kept,
        `libvirt kept ${isElement ? `<${name}>` : `${name}=`}, which the warning at line ${warning.range.start.line + 1} says it drops`,
      );
    }
    assert.match(
      stored,
      /<model type='rtl8139'\/>/,
      "the NIC model written as an attribute was ignored: QEMU's default NIC instead of e1000e",
    );
    // …and kept what the schema knows.
    for (const known of ["tickpolicy='catchup'", "<relaxed state='on'/>", "<source file='/var/lib/libvirt/images/a.qcow2'/>"])
      assert.ok(stored.includes(known), known);
  });
});
