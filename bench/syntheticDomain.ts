// Large synthetic domains for the benchmark: many disks, NICs and hostdevs spread over PCI buses.

export function syntheticDomain(targetBytes: number): { text: string; devices: number } {
  const parts: string[] = [
    "<domain type='kvm'>\n  <name>synthetic</name>\n  <memory unit='GiB'>64</memory>\n  <currentMemory unit='GiB'>64</currentMemory>",
    "  <vcpu>16</vcpu>\n  <os>\n    <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>\n  </os>",
    "  <features>\n    <acpi/>\n    <hyperv mode='custom'>\n      <relaxed state='on'/>\n    </hyperv>\n  </features>\n  <devices>",
  ];
  let size = parts.join('\n').length;
  let devices = 0;
  while (size < targetBytes - 40) {
    // Unique guest and host addresses: a valid domain, so that the numbers measure analysis, not reporting.
    const domain = Math.floor(devices / (32 * 255));
    const bus = 1 + (Math.floor(devices / 32) % 255);
    const slot = devices % 32;
    const address = `<address type='pci' domain='0x${domain.toString(16).padStart(4, '0')}' bus='0x${hexByte(bus)}' slot='0x${hexByte(slot)}' function='0x0'/>`;
    let device: string;
    switch (devices % 3) {
      case 0:
        device = `    <disk type='file' device='disk'>\n      <driver name='qemu' type='qcow2'/>\n      <source file='/vm/disk${devices}.qcow2'/>\n      <target dev='vd${devices}' bus='virtio'/>\n      ${address}\n    </disk>`;
        break;
      case 1:
        device = `    <interface type='bridge'>\n      <mac address='52:54:00:${hexByte(devices >> 16)}:${hexByte(devices >> 8)}:${hexByte(devices)}'/>\n      <source bridge='br0'/>\n      <model type='virtio'/>\n      ${address}\n    </interface>`;
        break;
      default:
        device = `    <hostdev mode='subsystem' type='pci' managed='yes'>\n      <source>\n        <address domain='0x${(devices >> 13).toString(16).padStart(4, '0')}' bus='0x${hexByte(devices >> 5)}' slot='0x${hexByte(devices % 32)}' function='0x0'/>\n      </source>\n      ${address}\n    </hostdev>`;
    }
    parts.push(device);
    size += device.length + 1;
    devices++;
  }
  parts.push('  </devices>\n</domain>\n');
  return { text: parts.join('\n'), devices };
}

function hexByte(value: number): string {
  return (value & 0xff).toString(16).padStart(2, '0');
}
