import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { networkXml, poolXml, volumeXml } from '../support/kindXml';
import { diagnosticsOf } from '../support/ruleTester';

// required-part-missing's table is the domain's (required-part-missing.test.ts); these are its other kinds.
describe('required-part-missing for networks, pools and volumes', () => {
  const messages = (xml: string) => diagnosticsOf('required-part-missing', xml).diagnostics.map((d) => String(d.message));
  it('a network needs a <name>', () => {
    assert.deepEqual(messages(networkXml()), []);
    assert.deepEqual(messages(networkXml().replace('  <name>lint-net</name>\n', '')), [
      'The network has no <name>: libvirt refuses the definition ("missing name information").',
    ]);
  });
  it('a pool needs type= and a <name> (a logical pool may take it from its volume group)', () => {
    assert.deepEqual(messages(poolXml('dir', '  <target>\n    <path>/srv/x</path>\n  </target>')), []);
    assert.match(
      messages('<pool>\n  <name>p</name>\n  <target><path>/srv/x</path></target>\n</pool>\n')[0]!,
      /Missing required attribute 'type' in element 'pool'/,
    );
    assert.match(messages("<pool type='dir'>\n  <target><path>/srv/x</path></target>\n</pool>\n")[0]!, /missing pool source name element/);
    assert.deepEqual(messages("<pool type='logical'>\n  <source><name>vg0</name></source>\n</pool>\n"), []);
  });
  it('a volume needs a <name> and a <capacity> (unless a backing image gives it)', () => {
    assert.deepEqual(messages(volumeXml()), []);
    assert.match(messages(volumeXml().replace('  <name>lint-vol.img</name>\n', ''))[0]!, /missing volume name element/);
    assert.match(
      messages(volumeXml({ capacity: '' }).replace("  <capacity unit='MiB'>1</capacity>\n", ''))[0]!,
      /missing capacity element/,
    );
    assert.deepEqual(
      messages(
        "<volume>\n  <name>v.qcow2</name>\n  <target><format type='qcow2'/></target>\n  <backingStore><path>/b.qcow2</path><format type='qcow2'/></backingStore>\n</volume>\n",
      ),
      [],
    );
  });
});
