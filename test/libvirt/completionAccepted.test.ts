// What completion inserts is what libvirt accepts: a guest address from the planner (with the root port it adds)
// and a host device's address, given to a real libvirtd and read back.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completeAt } from '../support/completion';
import { domainXml } from '../support/domainXml';
import { FAKE_GPU_HOST } from '../support/fakeHost';
import { defineRoundTrip } from '../support/virsh';

describe('completion results against a real libvirtd', () => {
  it('a planned guest PCI address with its new root port, and a host GPU address, are defined as written', async () => {
    const marked = domainXml({
      devices:
        "    <interface type='network'>\n      <source network='default'/>\n      <model type='virtio'/>\n      <addr|\n    </interface>\n" +
        "    <hostdev mode='subsystem' type='pci' managed='yes'>\n      <source>\n        <address domain='0x0000' bus='0x27' slot='0x00' function='0x0'/>\n      </source>\n    </hostdev>",
    });
    const withAddress = completeAt(marked).accept('address 0000:01:00.0');
    const hostdevMarked = withAddress.replace("<address domain='0x0000' bus='0x27' slot='0x00' function='0x0'/>", '<|');
    const gpu = completeAt(hostdevMarked, FAKE_GPU_HOST).items.find((item) => item.label.includes('GeForce'))!;
    const text = completeAt(hostdevMarked, FAKE_GPU_HOST).accept(gpu.label);
    const { stored } = await defineRoundTrip(text, 'completion');
    assert.match(
      stored,
      /<interface type='network'>[\s\S]*?<address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'\/>[\s\S]*?<\/interface>/,
    );
    assert.match(stored, /<controller type='pci' index='1' model='pcie-root-port'>/);
    assert.match(
      stored,
      /<hostdev mode='subsystem' type='pci' managed='yes'>\s*<source>\s*<address domain='0x0000' bus='0x27' slot='0x00' function='0x0'\/>/,
    );
  });
});
