// PCI addresses: how libvirt reads them, how we print them, and which ones a machine type uses by itself.

import { type Message, messages, type Text } from '../../l10n/message';
import { CONTROLLER_MODELS } from './controllerModels';

const M = messages('pci-builtin', {
  i440fxHostBridge: 'the i440FX host bridge',
  piix3IsaBridge: 'the PIIX3 ISA bridge',
  piix3Ide: 'the PIIX3 IDE controller',
  piix3Usb: 'the PIIX3 USB controller',
  piix4Acpi: 'the PIIX4 ACPI/power management device',
  q35HostBridge: 'the Q35 host bridge',
  ich9Lpc: 'the ICH9 LPC bridge',
  ich9Sata: 'the ICH9 SATA controller',
  ich9Smbus: 'the ICH9 SMBus controller',
  thisMachineType: 'this machine type',
});

export interface PciAddress {
  readonly domain: number;
  readonly bus: number;
  readonly slot: number;
  readonly function: number;
}

export type MachineFamily = 'i440fx' | 'q35' | 'virt' | 'other';

/**
 * Reads an unsigned number the way libvirt's virStrToLong_uip(..., base 0) does for PCI address attributes:
 * decimal, 0x-prefixed hex, or 0-prefixed octal, optionally after blanks and a '+'.
 */
export function parseCNumber(text: string): number | undefined {
  // Fast path for the form libvirt itself writes ('0x1f'): this runs for every address of a large document.
  if (
    text.length > 2 &&
    text.length <= 10 &&
    text.charCodeAt(0) === 0x30 &&
    (text.charCodeAt(1) | 0x20) === 0x78 &&
    /^0[xX][0-9A-Fa-f]+$/.test(text)
  ) {
    return parseInt(text.slice(2), 16);
  }
  const match = /^[ \t\n\r]*\+?(0[xX][0-9A-Fa-f]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!match) return undefined;
  const digits = match[1];
  const value = /^0[xX]/.test(digits)
    ? parseInt(digits.slice(2), 16)
    : digits.length > 1 && digits[0] === '0'
      ? parseInt(digits.slice(1), 8)
      : parseInt(digits, 10);
  return value <= 0xffffffff ? value : undefined;
}

/** Reads a base-10 unsigned number as libvirt's virXMLPropUInt(..., 10, ...) does (drive and USB addresses). */
export function parseDecimal(text: string): number | undefined {
  const match = /^[ \t\n\r]*\+?([0-9]+)$/.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]);
  return value <= 0xffffffff ? value : undefined;
}

const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');

/** A number as libvirt writes address attributes: '0x0000', '0x1f', '0x0'. */
export function hexAttribute(value: number, width: number): string {
  return `0x${hex(value, width)}`;
}

/** domain/bus/slot/function attributes as libvirt writes them (a host <source><address> has just these). */
export function pciAddressNumbers(address: PciAddress): Array<[string, string]> {
  return [
    ['domain', hexAttribute(address.domain, 4)],
    ['bus', hexAttribute(address.bus, 2)],
    ['slot', hexAttribute(address.slot, 2)],
    ['function', hexAttribute(address.function, 1)],
  ];
}

/** "0000:00:04.0" */
export function formatPciAddress(address: PciAddress): string {
  return `${hex(address.domain, 4)}:${hex(address.bus, 2)}:${hex(address.slot, 2)}.${address.function}`;
}

export function pciKey(address: PciAddress): string {
  return formatPciAddress(address);
}

export function machineFamilyOf(machine: string | undefined, arch: string | undefined): MachineFamily {
  if (machine === undefined || machine === '') {
    if (arch === undefined || arch === 'x86_64' || arch === 'i686') return 'i440fx';
    if (arch === 'aarch64' || arch === 'armv7l' || arch.startsWith('riscv')) return 'virt';
    return 'other';
  }
  if (machine === 'pc' || machine.startsWith('pc-i440fx') || /^pc-\d/.test(machine) || machine.startsWith('rhel')) return 'i440fx';
  if (machine === 'q35' || machine.startsWith('pc-q35')) return 'q35';
  if (machine === 'virt' || machine.startsWith('virt-')) return 'virt';
  return 'other';
}

export interface ImplicitPciDevice {
  readonly address: PciAddress;
  readonly what: Message;
  /** The explicit `<controller>` that is this built-in device and may therefore carry its address. */
  readonly owner?: { readonly type: string; readonly index: number; readonly models: readonly (string | undefined)[] };
}

const at = (slot: number, fn: number): PciAddress => ({ domain: 0, bus: 0, slot, function: fn });

/** Addresses on bus 0 that the machine type occupies whatever the XML says. */
export const IMPLICIT_PCI_DEVICES: Record<MachineFamily, readonly ImplicitPciDevice[]> = {
  i440fx: [
    { address: at(0, 0), what: M.i440fxHostBridge() },
    { address: at(1, 0), what: M.piix3IsaBridge() },
    { address: at(1, 1), what: M.piix3Ide(), owner: { type: 'ide', index: 0, models: [undefined] } },
    // Not built in: libvirt puts USB controller 0 there, whatever its model (ehci, qemu-xhci…).
    {
      address: at(1, 2),
      what: M.piix3Usb(),
      owner: { type: 'usb', index: 0, models: [undefined, ...CONTROLLER_MODELS.usb!] },
    },
    { address: at(1, 3), what: M.piix4Acpi() },
  ],
  q35: [
    { address: at(0, 0), what: M.q35HostBridge() },
    { address: at(0x1f, 0), what: M.ich9Lpc() },
    { address: at(0x1f, 2), what: M.ich9Sata(), owner: { type: 'sata', index: 0, models: [undefined] } },
    { address: at(0x1f, 3), what: M.ich9Smbus() },
  ],
  virt: [],
  other: [],
};

export const MACHINE_FAMILY_LABEL: Record<MachineFamily, Text> = {
  i440fx: 'i440fx (pc)',
  q35: 'q35',
  virt: 'virt',
  other: M.thisMachineType(),
};
