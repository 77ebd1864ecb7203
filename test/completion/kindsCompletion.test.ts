// Completion and hover in network, storage pool and volume documents: from their own schemas and documentation.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completeAt } from '../support/completion';
import { createTestService } from '../support/fakeHost';
import { networkXml, poolXml, volumeXml } from '../support/kindXml';

const service = createTestService();
function hoverAt(marked: string): string | undefined {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const document = TextDocument.create('file:///kind.xml', 'xml', 1, text);
  const hover = service.hover(document, document.positionAt(offset));
  return hover ? (hover.contents as { value: string }).value : undefined;
}

describe('completion in a network', () => {
  it("offers the network's elements, not a domain's", () => {
    const { labels } = completeAt(networkXml({ extra: '  <|' }));
    for (const name of ['forward', 'bridge', 'ip', 'dns', 'mtu', 'domain', 'route', 'portgroup']) assert.ok(labels.includes(name), name);
    for (const name of ['devices', 'memory', 'os', 'disk']) assert.ok(!labels.includes(name), name);
  });

  it('offers the forward modes, nat first', () => {
    const completion = completeAt(networkXml({ forward: "  <forward mode='|'/>" }));
    for (const mode of ['nat', 'route', 'open', 'bridge', 'private', 'vepa', 'passthrough', 'hostdev'])
      assert.ok(completion.labels.includes(mode), mode);
    assert.equal(completion.items.find((item) => item.preselect)?.label, 'nat');
  });

  it('inserts a DHCP range with start and end', () => {
    const accepted = completeAt(
      networkXml({ ip: "  <ip address='10.0.0.1' prefix='24'>\n    <dhcp>\n      <ra|\n    </dhcp>\n  </ip>" }),
    ).accept('range');
    assert.match(accepted, /<range start='' end=''>/);
  });
});

describe('completion in pools and volumes', () => {
  it("offers a pool's types and a pool's elements", () => {
    assert.ok(completeAt("<pool type='|'>\n  <name>p</name>\n</pool>\n").labels.includes('netfs'));
    const { labels } = completeAt(poolXml('dir', '  <|'));
    for (const name of ['source', 'target', 'uuid']) assert.ok(labels.includes(name), name);
  });

  it("offers a volume's formats, qcow2 first", () => {
    const completion = completeAt(volumeXml({ target: "  <target>\n    <format type='|'/>\n  </target>" }));
    for (const format of ['qcow2', 'raw']) assert.ok(completion.labels.includes(format), format);
  });
});

describe('hover in network documents', () => {
  it('explains an element with a link into formatnetwork', () => {
    const text = hoverAt(networkXml({ forward: "  <for|ward mode='nat'/>" }))!;
    assert.match(text, /How the network reaches the outside/);
    assert.match(text, /https:\/\/libvirt\.org\/formatnetwork\.html#connectivity/);
  });

  it('tells what an <ip> spans and how many addresses a DHCP range hands out', () => {
    assert.match(
      hoverAt(networkXml({ ip: "  <|ip address='10.231.0.1' prefix='24'/>" }))!,
      /Subnet 10\.231\.0\.0\/24.*Hosts 10\.231\.0\.1 – 10\.231\.0\.254 \(254 addresses\)/s,
    );
    assert.match(hoverAt(networkXml().replace('<range ', '<ra|nge '))!, /DHCP range\*\* of 90 addresses/);
  });

  it("explains a pool's target path with a link into formatstorage", () => {
    const text = hoverAt(poolXml('dir', '  <target>\n    <pa|th>/srv</path>\n  </target>'))!;
    assert.match(text, /formatstorage\.html#storage-pool-target-elements/);
  });
});
