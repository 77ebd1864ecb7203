// Host facts read in the background reach the language service as they arrive: a request never waits for them.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLocalHostFacts } from '../../server/src/host/localHostFacts';
import type { HostPciDevice } from '../../server/src/service/hostFacts';
import { createLanguageService } from '../../server/src/service/languageService';
import { domainXml } from '../support/domainXml';
import { FAKE_GPU_HOST, PINNED_UUID } from '../support/fakeHost';

const HOSTDEV = `    <hostdev mode='subsystem' type='pci' managed='yes'>
      <source><address domain='0x0000' bus='0x27' slot='0x00' function='0x0'/></source>
    </hostdev>`;

describe('host facts that arrive after the first request', () => {
  it('hover answers at once without the devices, and names the device once they are read', async () => {
    let release: (devices: readonly HostPciDevice[]) => void = () => undefined;
    const source = createLocalHostFacts({
      arch: 'x86_64',
      pciDevices: () => new Promise((resolve) => (release = resolve)),
      blockDevices: async () => [],
    });
    const service = createLanguageService({ hostFacts: () => source.current(), randomUuid: () => PINNED_UUID });
    const text = domainXml({ devices: HOSTDEV });
    const document = TextDocument.create('file:///arrival.xml', 'xml', 1, text);
    const position = document.positionAt(text.indexOf("bus='0x27'"));
    const hoverText = () => JSON.stringify(service.hover(document, position)?.contents);
    assert.match(hoverText(), /not found on this host/);
    release(FAKE_GPU_HOST.pciDevices!);
    await source.settled();
    assert.match(hoverText(), /GeForce RTX 3060/);
    assert.match(hoverText(), /IOMMU group 16/);
  });
});
