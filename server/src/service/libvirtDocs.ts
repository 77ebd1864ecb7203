// Links into libvirt's domain XML documentation. Anchors are the section titles, slugged as docutils does.

const FORMAT_DOMAIN = 'https://libvirt.org/formatdomain.html';

export function formatDomainSection(title: string): string {
  const anchor = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${FORMAT_DOMAIN}#${anchor}`;
}

export const DOCS = {
  overview: formatDomainSection('Element and attribute overview'),
  booting: formatDomainSection('Operating system booting'),
  bios: formatDomainSection('BIOS bootloader'),
  cpuAllocation: formatDomainSection('CPU Allocation'),
  memory: formatDomainSection('Memory Allocation'),
  cpuModel: formatDomainSection('CPU model and topology'),
  features: formatDomainSection('Hypervisor features'),
  disks: formatDomainSection('Hard drives, floppy disks, CDROMs'),
  addresses: formatDomainSection('Device Addresses'),
  controllers: formatDomainSection('Controllers'),
  hostdev: formatDomainSection('USB / PCI / SCSI devices'),
  nicModel: formatDomainSection('Setting the NIC model'),
  interfaces: formatDomainSection('Network interfaces'),
  bootOrder: formatDomainSection('Specifying boot order'),
  video: formatDomainSection('Video devices'),
  balloon: formatDomainSection('Memory balloon device'),
  shmem: formatDomainSection('Shared memory device'),
  general: formatDomainSection('General metadata'),
  devices: formatDomainSection('Devices'),
  memoryBacking: formatDomainSection('Memory Backing'),
  numaTuning: formatDomainSection('NUMA Node Tuning'),
} as const;

export const QEMU_NAMESPACE_DOCS = 'https://libvirt.org/drvqemu.html#pass-through-of-arbitrary-qemu-commands';
