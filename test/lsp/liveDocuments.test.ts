// libvirt: document URIs: every odd name survives the round trip, other URIs are not live documents, and the
// connections setting is read entry by entry.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectionNamed, effectiveConnections, liveDocumentUri, parseLiveDocumentUri } from '../../server/src/liveDocuments';
import { readSettings } from '../../server/src/lsp/settings';

describe('libvirt: document URIs', () => {
  it('round-trips odd names: spaces, quotes, $(…), a leading dash, percent signs, non-ASCII', () => {
    for (const name of ["win 10 'gaming'", '$(reboot)', '-rf', '100%', 'Gäste-日本', 'a#b?c']) {
      const uri = liveDocumentUri({ connectionName: 'gpu box', kind: 'domain', name });
      assert.match(uri, /^libvirt:\/\/gpu%20box\/domains\/[^ ]+\.xml$/);
      assert.deepEqual(parseLiveDocumentUri(uri), { connectionName: 'gpu box', kind: 'domain', name });
    }
    const volume = liveDocumentUri({ connectionName: 'local', kind: 'volume', pool: 'default', name: 'disk one.qcow2' });
    assert.equal(volume, 'libvirt://local/volumes/default/disk%20one.qcow2.xml');
    assert.deepEqual(parseLiveDocumentUri(volume), { connectionName: 'local', kind: 'volume', pool: 'default', name: 'disk one.qcow2' });
    assert.deepEqual(parseLiveDocumentUri('libvirt://local/networks/default.xml'), {
      connectionName: 'local',
      kind: 'network',
      name: 'default',
    });
  });

  it('is nothing for other URIs and malformed ones', () => {
    for (const uri of [
      'file:///etc/libvirt/qemu/win10.xml',
      'libvirt://local/snapshots/x.xml',
      'libvirt://local/domains/a/b.xml',
      'libvirt://local/domains/%E0%A4%A.xml',
      'libvirt://local/domains/.xml',
      'untitled:Untitled-1',
    ]) {
      assert.equal(parseLiveDocumentUri(uri), undefined, uri);
    }
  });

  it("uses libvirt.connections, or one connection 'local' with libvirt.connectionUri; names match ignoring case", () => {
    assert.deepEqual(effectiveConnections([], 'qemu:///system'), [{ name: 'local', uri: 'qemu:///system' }]);
    assert.deepEqual(effectiveConnections(undefined, undefined), [{ name: 'local', uri: '' }]);
    const both = [
      { name: 'gpu-box', uri: 'qemu+ssh://root@gpu-box/system' },
      { name: 'local', uri: 'qemu:///system' },
    ];
    assert.deepEqual(effectiveConnections(both, 'test:///default'), both);
    assert.equal(connectionNamed(both, 'GPU-BOX')?.uri, 'qemu+ssh://root@gpu-box/system');
    assert.equal(connectionNamed(both, 'elsewhere'), undefined);
  });

  it('reads libvirt.connections entry by entry, dropping what is not a {name, uri}', () => {
    const settings = readSettings({
      connections: [
        { name: ' gpu-box ', uri: 'qemu+ssh://root@gpu-box/system' },
        { name: '', uri: 'x' },
        { uri: 'y' },
        'z',
        null,
        { name: 'n', uri: 3 },
      ],
    });
    assert.deepEqual(settings.connections, [{ name: 'gpu-box', uri: 'qemu+ssh://root@gpu-box/system' }]);
    assert.deepEqual(readSettings({ connections: 'qemu:///system' }).connections, []);
  });
});
