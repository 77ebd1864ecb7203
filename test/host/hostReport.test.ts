// The passthrough readiness report, from recorded hosts: what passes, what fails and the lines that fix it.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { domainXml } from '../support/domainXml';
import { createTestService } from '../support/fakeHost';
import { recordedHostFacts } from '../support/recordedHosts';

const hostdev = (bus: string, fn: string) =>
  `    <hostdev mode='subsystem' type='pci' managed='yes'>\n      <source>\n        <address domain='0x0000' bus='${bus}' slot='0x00' function='${fn}'/>\n      </source>\n    </hostdev>`;
const reportOf = (text: string, host: Parameters<typeof createTestService>[0]) =>
  createTestService(host).hostReport(TextDocument.create('file:///report.xml', 'xml', 1, text))!;

describe('the passthrough readiness report', () => {
  it("lists the GPU's IOMMU group with each member's state and the exact vfio lines for this host", () => {
    const report = reportOf(domainXml({ name: 'win10', devices: hostdev('0x27', '0x0') }), recordedHostFacts('gpu-desktop'));
    assert.match(report, /^# Host check: win10 on qemu\+ssh:\/\/root@gpu-desktop\/system\n/);
    assert.match(report, /Host: x86_64, AMD, 16 CPUs, 31\.28 GiB\./);
    assert.match(report, /✔ The IOMMU is on/);
    assert.match(report, /### 0000:27:00\.0 NVIDIA Corporation GA106 \[GeForce RTX 3060\]/);
    assert.match(report, /✔ Bound to vfio-pci\./);
    assert.match(
      report,
      /\| 0000:00:03\.1 \| Advanced Micro Devices, Inc\. \[AMD\] Starship\/Matisse GPP Bridge \| pcieport \| ✔ a bridge: stays with the host \|/,
    );
    assert.match(
      report,
      /\| 0000:27:00\.1 \| NVIDIA Corporation GA106 High Definition Audio Controller \| snd_hda_intel \| ✘ neither passed nor on vfio-pci/,
    );
    assert.match(
      report,
      /# \/etc\/modprobe\.d\/vfio\.conf\noptions vfio-pci ids=10de:2503,10de:228e\nsoftdep snd_hda_intel pre: vfio-pci\n# \/etc\/modules-load\.d\/vfio-pci\.conf\nvfio-pci/,
    );
    assert.match(report, /✔ x86_64: \/usr\/bin\/qemu-system-x86_64/);
  });

  it("checks UEFI firmware for the guest's arch, with the package and qemu.conf line where it is missing", () => {
    const request = [{ virttype: 'qemu', arch: 'x86_64', machine: 'q35' }];
    const uefi = domainXml({ osAttributes: " firmware='efi'", features: '    <acpi/>' });
    const missing = reportOf(uefi, recordedHostFacts('gpu-desktop', undefined, request));
    assert.match(missing, /## Firmware\n\n- ✘ No UEFI firmware for x86_64 guests/);
    assert.match(missing, /# UEFI firmware for x86_64: Install ovmf \(Debian\/Ubuntu\) or edk2-ovmf \(Fedora\).*nvram = \[/);
    const present = reportOf(uefi, recordedHostFacts('no-iommu', undefined, request));
    assert.match(present, /- ✔ UEFI firmware for x86_64: \/usr\/share\/OVMF\/OVMF_CODE_4M\.ms\.fd/);
    assert.match(present, /- ✔ Secure Boot firmware available\./);
    assert.doesNotMatch(reportOf(domainXml(), recordedHostFacts('no-iommu', undefined, request)), /## Firmware/);
  });

  it("checks the networks, pools and volumes the devices name against the host's", () => {
    const devices = [
      "    <interface type='network'>\n      <source network='default'/>\n    </interface>",
      "    <interface type='network'>\n      <source network='lab'/>\n    </interface>",
      "    <disk type='volume' device='disk'>\n      <source pool='default' volume='win10.qcow2'/>\n      <target dev='vda' bus='virtio'/>\n    </disk>",
      "    <disk type='volume' device='disk'>\n      <source pool='default' volume='gone.qcow2'/>\n      <target dev='vdb' bus='virtio'/>\n    </disk>",
    ].join('\n');
    const report = reportOf(domainXml({ devices }), recordedHostFacts('gpu-desktop'));
    assert.match(
      report,
      /## Networks, storage and files\n\n- ✔ Network default\.\n- ✘ Network lab: not on the host \(it has default, isolated\)\.\n- ✔ Volume win10\.qcow2 of pool default\.\n- ✘ Volume gone\.qcow2: not in pool default\./,
    );
  });

  it('is ready when the whole group is passed', () => {
    const report = reportOf(
      domainXml({ devices: `${hostdev('0x27', '0x0')}\n${hostdev('0x27', '0x1')}` }),
      recordedHostFacts('gpu-desktop'),
    );
    assert.doesNotMatch(report, /✘/);
    assert.match(report, /✔ Nothing: the host is ready for this domain\./);
  });

  it('tells how to turn the IOMMU on for the CPU vendor', () => {
    const report = reportOf(domainXml({ devices: hostdev('0x01', '0x0') }), recordedHostFacts('no-iommu'));
    assert.match(report, /✘ The IOMMU is off/);
    assert.match(report, /amd_iommu=on iommu=pt/);
    assert.match(report, /✔ Bound to nouveau: libvirt detaches it at start \(managed='yes'\)\./);
  });
});
