// Links into libvirt's XML documentation (domains, networks, storage). Anchors are the section titles, slugged as
// docutils does.

export const FORMAT_DOMAIN = 'https://libvirt.org/formatdomain.html';
export const FORMAT_NETWORK = 'https://libvirt.org/formatnetwork.html';
export const FORMAT_STORAGE = 'https://libvirt.org/formatstorage.html';

function section(page: string, title: string): string {
  const anchor = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${page}#${anchor}`;
}

export function formatDomainSection(title: string): string {
  return section(FORMAT_DOMAIN, title);
}

export function formatNetworkSection(title: string): string {
  return section(FORMAT_NETWORK, title);
}

export function formatStorageSection(title: string): string {
  return section(FORMAT_STORAGE, title);
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
  timekeeping: formatDomainSection('Time keeping'),
  graphics: formatDomainSection('Graphical framebuffers'),
  chardevs: formatDomainSection('Consoles, serial, parallel & channel devices'),
  tpm: formatDomainSection('TPM device'),
  nicDriver: formatDomainSection('Setting NIC driver-specific options'),
  sysinfo: formatDomainSection('SMBIOS System Information'),
  seclabel: formatDomainSection('Security label'),
  panic: formatDomainSection('panic device'),
  input: formatDomainSection('Input devices'),
} as const;

export const QEMU_NAMESPACE_DOCS = 'https://libvirt.org/drvqemu.html#pass-through-of-arbitrary-qemu-commands';

export const NETWORK_DOCS = {
  overview: formatNetworkSection('Element and attribute overview'),
  general: formatNetworkSection('General metadata'),
  connectivity: formatNetworkSection('Connectivity'),
  addressing: formatNetworkSection('Addressing'),
  routes: formatNetworkSection('Static Routes'),
} as const;

export const STORAGE_DOCS = {
  pool: formatStorageSection('Storage pool XML'),
  poolGeneral: formatStorageSection('Storage pool general metadata'),
  poolSource: formatStorageSection('Source elements'),
  poolTarget: formatStorageSection('Storage pool target elements'),
  volume: formatStorageSection('Storage volume XML'),
  volumeGeneral: formatStorageSection('Storage volume general metadata'),
  volumeTarget: formatStorageSection('Storage volume target elements'),
  backingStore: formatStorageSection('Backing store elements'),
} as const;
