// A typed view of a libvirt <domain>, built from the parsed tree. It keeps the XML nodes so that every rule
// can point at the exact element or attribute it is about.

import type { XmlAttribute, XmlElement } from '../xml/xmlTree';
import { attribute, attributeValue, childrenNamed, firstChild, textOf } from '../xml/xmlTree';
import { parseBitmap } from './bitmap';
import { type MachineFamily, machineFamilyOf, type PciAddress, parseCNumber, parseDecimal } from './pciAddress';
import { parseSize, type SizeParse } from './sizeUnits';

export interface SizeElement {
  readonly element: XmlElement;
  readonly unit: XmlAttribute | undefined;
  readonly size: SizeParse;
}

export interface GuestAddress {
  readonly element: XmlElement;
  readonly type: string | undefined;
  /** For type='pci' with every number readable and not the "empty" 0000:00:00 (which libvirt assigns itself). */
  readonly pci: PciAddress | undefined;
  readonly multifunction: boolean;
  /** For type='drive': controller, bus, target, unit (absent ones are 0, as in libvirt). */
  readonly drive: readonly [number, number, number, number] | undefined;
  /** For type='usb': the bus number and the port path ('1', '1.2' behind a hub). */
  readonly usb: { readonly bus: number; readonly port: string } | undefined;
}

export interface Device {
  /** The element name under <devices>: disk, interface, hostdev, controller, video, ... */
  readonly kind: string;
  readonly element: XmlElement;
  readonly type: string | undefined;
  readonly address: GuestAddress | undefined;
  readonly boot: XmlElement | undefined;
  readonly target: XmlElement | undefined;
  readonly source: XmlElement | undefined;
  readonly driver: XmlElement | undefined;
  readonly model: XmlElement | undefined;
  /** The bus the device sits on as the guest sees it: <target bus> for disks, bus= for inputs. */
  readonly bus: string | undefined;
  /** <boot order='N'/>, when N is a number. */
  readonly bootOrder: number | undefined;
  /** index= of a <controller>, when it is a number. */
  readonly index: number | undefined;
}

export interface VcpuCount {
  readonly element: XmlElement;
  /** The maximum vCPU count (the element's text); undefined when unreadable. */
  readonly maximum: number | undefined;
  /** current= (vCPUs online at boot), when given and readable. */
  readonly current: number | undefined;
}

export interface DomainModel {
  readonly root: XmlElement;
  readonly type: XmlAttribute | undefined;
  readonly name: string | undefined;
  readonly os: {
    readonly element: XmlElement | undefined;
    readonly typeElement: XmlElement | undefined;
    readonly arch: string | undefined;
    readonly machine: string | undefined;
    readonly machineFamily: MachineFamily;
    readonly firmware: string | undefined;
    readonly loader: XmlElement | undefined;
    readonly nvram: XmlElement | undefined;
    readonly boots: readonly XmlElement[];
  };
  readonly features: {
    readonly element: XmlElement | undefined;
    readonly acpi: XmlElement | undefined;
    readonly hyperv: XmlElement | undefined;
    readonly vendorId: XmlElement | undefined;
    readonly kvm: XmlElement | undefined;
    readonly kvmHidden: boolean;
    readonly ioapic: XmlElement | undefined;
  };
  readonly cpu: {
    readonly element: XmlElement | undefined;
    readonly mode: string | undefined;
    readonly features: readonly XmlElement[];
    readonly topology: XmlElement | undefined;
  };
  readonly memory: SizeElement | undefined;
  readonly currentMemory: SizeElement | undefined;
  readonly maxMemory: SizeElement | undefined;
  readonly vcpu: VcpuCount | undefined;
  readonly devicesElement: XmlElement | undefined;
  readonly devices: readonly Device[];
  readonly osinfoId: string | undefined;
}

export const WINDOWS_OSINFO_PREFIX = 'http://microsoft.com/win/';

export function buildDomainModel(root: XmlElement | undefined): DomainModel | undefined {
  if (root?.name !== 'domain') return undefined;
  const os = firstChild(root, 'os');
  const osType = firstChild(os, 'type');
  const arch = attributeValue(osType, 'arch');
  const machine = attributeValue(osType, 'machine');
  const features = firstChild(root, 'features');
  const hyperv = firstChild(features, 'hyperv');
  const kvm = firstChild(features, 'kvm');
  const cpu = firstChild(root, 'cpu');
  const devicesElement = firstChild(root, 'devices');
  return {
    root,
    type: attribute(root, 'type'),
    name: textOf(firstChild(root, 'name')),
    os: {
      element: os,
      typeElement: osType,
      arch,
      machine,
      machineFamily: machineFamilyOf(machine, arch),
      firmware: attributeValue(os, 'firmware'),
      loader: firstChild(os, 'loader'),
      nvram: firstChild(os, 'nvram'),
      boots: childrenNamed(os, 'boot'),
    },
    features: {
      element: features,
      acpi: firstChild(features, 'acpi'),
      hyperv,
      vendorId: firstChild(hyperv, 'vendor_id'),
      kvm,
      kvmHidden: attributeValue(firstChild(kvm, 'hidden'), 'state') === 'on',
      ioapic: firstChild(features, 'ioapic'),
    },
    cpu: {
      element: cpu,
      mode: attributeValue(cpu, 'mode'),
      features: childrenNamed(cpu, 'feature'),
      topology: firstChild(cpu, 'topology'),
    },
    memory: sizeElement(firstChild(root, 'memory')),
    currentMemory: sizeElement(firstChild(root, 'currentMemory')),
    maxMemory: sizeElement(firstChild(root, 'maxMemory')),
    vcpu: vcpuCount(firstChild(root, 'vcpu')),
    devicesElement,
    devices: deviceElements(devicesElement).map(buildDevice),
    osinfoId: findOsinfoId(root),
  };
}

/** Elements that are devices in their own right: lifted out of an unclosed device that swallowed them. */
const DEVICE_ELEMENTS = new Set([
  'disk',
  'controller',
  'lease',
  'filesystem',
  'interface',
  'input',
  'sound',
  'hostdev',
  'graphics',
  'video',
  'console',
  'serial',
  'parallel',
  'channel',
  'smartcard',
  'hub',
  'redirdev',
  'redirfilter',
  'rng',
  'tpm',
  'watchdog',
  'memballoon',
  'nvram',
  'panic',
  'shmem',
  'memory',
  'iommu',
  'vsock',
  'audio',
  'crypto',
]);

/**
 * The children of <devices>. While the user types, a device often lacks its end tag and the parser nests the
 * following devices inside it; those are taken back out so that they are still analysed as devices.
 */
function deviceElements(devices: XmlElement | undefined): XmlElement[] {
  const result: XmlElement[] = [];
  const pending = devices ? [...devices.children].reverse() : [];
  while (pending.length > 0) {
    const element = pending.pop()!;
    result.push(element);
    if (element.closed) continue;
    for (let i = element.children.length - 1; i >= 0; i--) {
      if (DEVICE_ELEMENTS.has(element.children[i].name)) pending.push(element.children[i]);
    }
  }
  return result;
}

function sizeElement(element: XmlElement | undefined): SizeElement | undefined {
  if (!element) return undefined;
  const unit = attribute(element, 'unit');
  return { element, unit, size: parseSize(element.text, unit?.value) };
}

function vcpuCount(element: XmlElement | undefined): VcpuCount | undefined {
  if (!element) return undefined;
  const current = attributeValue(element, 'current');
  return { element, maximum: parseDecimal(element.text.trim()), current: current === undefined ? undefined : parseDecimal(current) };
}

function buildDevice(element: XmlElement): Device {
  const addressElement = firstChild(element, 'address');
  const target = firstChild(element, 'target');
  const boot = firstChild(element, 'boot');
  const index = attributeValue(element, 'index');
  return {
    kind: element.name,
    element,
    // A <controller> without type= is an IDE controller to libvirt.
    type: attributeValue(element, 'type') ?? (element.name === 'controller' ? 'ide' : undefined),
    address: addressElement ? buildGuestAddress(addressElement) : undefined,
    boot,
    target,
    source: firstChild(element, 'source'),
    driver: firstChild(element, 'driver'),
    model: firstChild(element, 'model'),
    bus: element.name === 'disk' ? attributeValue(target, 'bus') : attributeValue(element, 'bus'),
    bootOrder: boot ? parseDecimal(attributeValue(boot, 'order') ?? '') : undefined,
    index: element.name === 'controller' && index !== undefined ? parseDecimal(index) : undefined,
  };
}

export function buildGuestAddress(element: XmlElement): GuestAddress {
  const type = attributeValue(element, 'type');
  return {
    element,
    type,
    pci: type === 'pci' ? readPciAddress(element) : undefined,
    multifunction: attributeValue(element, 'multifunction') === 'on',
    drive: type === 'drive' ? readDriveAddress(element) : undefined,
    usb: type === 'usb' ? readUsbAddress(element) : undefined,
  };
}

/** A PCI address element's numbers, or undefined when one is unreadable or the address is "empty". */
export function readPciAddress(element: XmlElement): PciAddress | undefined {
  const read = (name: string) => {
    const value = attributeValue(element, name);
    return value === undefined ? 0 : parseCNumber(value);
  };
  const domain = read('domain');
  const bus = read('bus');
  const slot = read('slot');
  const fn = read('function');
  if (domain === undefined || bus === undefined || slot === undefined || fn === undefined) return undefined;
  if (domain === 0 && bus === 0 && slot === 0) return undefined;
  return { domain, bus, slot, function: fn };
}

function readDriveAddress(element: XmlElement): [number, number, number, number] | undefined {
  const numbers = ['controller', 'bus', 'target', 'unit'].map((name) => {
    const value = attributeValue(element, name);
    return value === undefined ? 0 : parseDecimal(value);
  });
  return numbers.every((n) => n !== undefined) ? (numbers as [number, number, number, number]) : undefined;
}

function readUsbAddress(element: XmlElement): { bus: number; port: string } | undefined {
  const bus = parseDecimal(attributeValue(element, 'bus') ?? '0');
  const port = attributeValue(element, 'port')?.trim();
  return bus !== undefined && port ? { bus, port } : undefined;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function findOsinfoId(root: XmlElement): string | undefined {
  const metadata = firstChild(root, 'metadata');
  for (const entry of metadata?.children ?? []) {
    if (localName(entry.name) !== 'libosinfo') continue;
    for (const os of entry.children) if (localName(os.name) === 'os') return attributeValue(os, 'id');
  }
  return undefined;
}

/** Windows, judged as libvirt users mark it: Hyper-V enlightenments, or a libosinfo id under microsoft.com/win. */
export function isWindowsGuest(model: DomainModel): boolean {
  return model.features.hyperv !== undefined || (model.osinfoId?.startsWith(WINDOWS_OSINFO_PREFIX) ?? false);
}

/** The device an element of <devices> is, if it is one. */
export function deviceOf(model: DomainModel, element: XmlElement | undefined): Device | undefined {
  return element ? model.devices.find((device) => device.element === element) : undefined;
}

export function devicesOfKind(model: DomainModel, kind: string): Device[] {
  return model.devices.filter((device) => device.kind === kind);
}

/** `<hostdev mode='subsystem' type='pci'>` devices (mode defaults to subsystem). */
export function pciHostdevs(model: DomainModel): Device[] {
  return model.devices.filter(
    (device) =>
      device.kind === 'hostdev' && device.type === 'pci' && (attributeValue(device.element, 'mode') ?? 'subsystem') === 'subsystem',
  );
}

/** The effective guest architecture: the one written in the XML, else the host's. */
export function guestArch(model: DomainModel, hostArch: string): string {
  return model.os.arch ?? hostArch;
}

/** firmware='efi', or an old-style pflash loader (libvirt's virDomainDefHasOldStyleUEFI). */
export function usesUefi(model: DomainModel): boolean {
  return model.os.firmware === 'efi' || attributeValue(model.os.loader, 'type') === 'pflash';
}

/** The host address of a PCI hostdev (<source><address …/>), when it is readable. */
export function hostdevSourceAddress(device: Device): PciAddress | undefined {
  if (device.kind !== 'hostdev' || device.type !== 'pci') return undefined;
  const address = firstChild(device.source, 'address');
  return address ? readPciAddress(address) : undefined;
}

/** <vcpupin> elements by vCPU number (for the SMT check). */
export function vcpuPins(cputune: XmlElement | undefined): Map<number, number[]> {
  const pins = new Map<number, number[]>();
  for (const pin of childrenNamed(cputune, 'vcpupin')) {
    const vcpu = Number(attribute(pin, 'vcpu')?.value);
    const cpus = parseBitmap(attribute(pin, 'cpuset')?.value ?? '');
    if (Number.isInteger(vcpu) && cpus) pins.set(vcpu, cpus);
  }
  return pins;
}

/** The QEMU binary of a guest architecture where it is not qemu-system-ARCH (Debian's, as libvirt finds them). */
const BINARY_FOR: Readonly<Record<string, string>> = { i686: 'i386', armv7l: 'arm', armv6l: 'arm', ppc64le: 'ppc64' };

/** The QEMU binary libvirt uses for a guest architecture when the domain names none. */
export function defaultEmulator(arch: string): string {
  return `/usr/bin/qemu-system-${BINARY_FOR[arch] ?? arch}`;
}

/** A machine type as libvirt's messages name it: it resolves the aliases to the host's newest version first. */
export function machineAsLibvirtSaysIt(machine: string | undefined): string {
  if (!machine) return '…';
  if (machine === 'q35') return 'pc-q35-…';
  if (machine === 'pc') return 'pc-i440fx-…';
  if (machine === 'virt') return 'virt-…';
  return machine;
}

/** The QEMU binary <devices><emulator> names, when it names one. */
export function emulatorPath(model: DomainModel): string | undefined {
  return model.devices.find((device) => device.kind === 'emulator')?.element.text.trim() || undefined;
}
