import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fixture } from '../support/built';
import { FAKE_GPU_HOST } from '../support/fakeHost';
import { diagnosticsOf, tweaksAt } from '../support/tweakOutcomes';

const GPU = readFileSync(fixture('win10-gpu-passthrough.xml'), 'utf8').replace(
  "bus='0x01' slot='0x00' function='0x0'/>\n    </hostdev>",
  "bus='0x05' slot='0x00' function='0x0'/>\n    </hostdev>",
);
const find = (text: string, host = FAKE_GPU_HOST) =>
  tweaksAt(text, text.indexOf('<hostdev') + 2, host).find((t) => t.title.startsWith('Pass through all functions'));

describe('tweak: pass through all functions of a device', () => {
  it("adds the GPU's audio function on the same guest slot, with multifunction='on'", () => {
    const tweak = find(GPU)!;
    assert.equal(tweak.title, 'Pass through all functions of 0000:27:00 (adds 27:00.1 Audio device: NVIDIA Corporation Device)');
    assert.match(
      tweak.text,
      /<address type='pci' domain='0x0000' bus='0x05' slot='0x00' function='0x0' multifunction='on'\/>\n {4}<\/hostdev>\n {4}<hostdev mode='subsystem' type='pci' managed='yes'>\n {6}<driver name='vfio'\/>\n {6}<source>\n {8}<address domain='0x0000' bus='0x27' slot='0x00' function='0x1'\/>\n {6}<\/source>\n {6}<address type='pci' domain='0x0000' bus='0x05' slot='0x00' function='0x1'\/>\n {4}<\/hostdev>/,
    );
    assert.deepEqual(
      diagnosticsOf(tweak.text).filter((d) => d.severity === 1),
      [],
    );
  });

  it('plans a guest slot when the hostdev has no guest address', () => {
    const bare = GPU.replace("\n      <address type='pci' domain='0x0000' bus='0x05' slot='0x00' function='0x0'/>", '');
    const tweak = find(bare)!;
    assert.match(tweak.text, /<address type='pci' domain='0x0000' bus='0x02' slot='0x00' function='0x0' multifunction='on'\/>/);
    assert.match(tweak.text, /<address type='pci' domain='0x0000' bus='0x02' slot='0x00' function='0x1'\/>/);
    assert.match(tweak.text, /<controller type='pci' index='2' model='pcie-root-port'>/);
  });

  it('is not offered when every function is already there, for a single-function device, or without host facts', () => {
    assert.equal(find(find(GPU)!.text), undefined);
    assert.equal(find(GPU.replace("bus='0x27' slot='0x00' function='0x0'", "bus='0x28' slot='0x00' function='0x0'")), undefined);
    assert.equal(find(GPU, { arch: 'x86_64' }), undefined);
  });
});
