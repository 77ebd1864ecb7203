// Answers "which guest PCI address is free for a new endpoint device?" for every fix and tweak. It knows the
// machine type's built-in devices, the addresses already written in the document (every function of a slot),
// and the PCI controllers that provide buses. On q35 and aarch64 virt an endpoint gets slot 0 of a free
// pcie-root-port; when none is free, the plan adds a new root port (next free index, its own address on bus 0).

import type { ElementSpec } from '../edits/xmlSnippet';
import type { Device, DomainModel } from '../model/domainModel';
import { IMPLICIT_PCI_DEVICES, type PciAddress, pciAddressNumbers } from '../model/pciAddress';
import { attributeValue } from '../xml/xmlTree';

export interface PlannedAddress {
  readonly address: PciAddress;
  /** A <controller> the same edit must add so that the address exists. */
  readonly newController?: ElementSpec;
}

export interface PciAddressPlanner {
  /** A free address for an endpoint device, reserved so that the next call returns another; undefined when full. */
  nextEndpointAddress(): PlannedAddress | undefined;
  /** The slots still free on a bus (domain 0), without reserving them: a root port's bus has only slot 0. */
  freeSlots(bus: number): number[];
}

const MAX_BUS = 0xff;
const ROOT_PORT_MODELS = new Set(['pcie-root-port', 'pcie-switch-downstream-port']);
const BRIDGE_MODELS = new Set(['pci-bridge']);

const slotKey = (domain: number, bus: number, slot: number) => `${domain}:${bus}:${slot}`;

/**
 * @param ignore devices whose current addresses do not count (the device being moved or converted).
 */
export function createPciAddressPlanner(model: DomainModel, ignore: readonly Device[] = []): PciAddressPlanner {
  const family = model.os.machineFamily;
  const usedSlots = new Set<string>();
  const usedBuses = new Set<string>();
  const controllerIndexes = new Set<number>();
  for (const implicit of IMPLICIT_PCI_DEVICES[family]) usedSlots.add(slotKey(0, 0, implicit.address.slot));
  usedSlots.add(slotKey(0, 0, 0));
  for (const device of model.devices) {
    if (device.kind === 'controller' && device.type === 'pci' && device.index !== undefined) controllerIndexes.add(device.index);
    const pci = device.address?.pci;
    if (!pci || ignore.includes(device)) continue;
    usedSlots.add(slotKey(pci.domain, pci.bus, pci.slot));
    usedBuses.add(`${pci.domain}:${pci.bus}`);
  }
  // An unaddressed first video goes to 00:02.0 on i440fx and 00:01.0 on q35: keep those for it.
  const firstVideo = model.devices.find((device) => device.kind === 'video');
  if (firstVideo && !firstVideo.address) usedSlots.add(slotKey(0, 0, family === 'q35' ? 1 : 2));

  const pciControllers = model.devices
    .filter((device) => device.kind === 'controller' && device.type === 'pci' && device.index !== undefined)
    .sort((a, b) => a.index! - b.index!);

  function freeRootPort(): PlannedAddress | undefined {
    for (const port of pciControllers) {
      if (!ROOT_PORT_MODELS.has(attributeValue(port.element, 'model') ?? '')) continue;
      const bus = port.index!;
      if (usedBuses.has(`0:${bus}`) || port.index === 0) continue;
      usedBuses.add(`0:${bus}`);
      usedSlots.add(slotKey(0, bus, 0));
      return { address: { domain: 0, bus, slot: 0, function: 0 } };
    }
    return undefined;
  }

  function freeSlotOn(bus: number, firstSlot: number): PciAddress | undefined {
    for (let slot = firstSlot; slot <= 0x1f; slot++) {
      if (usedSlots.has(slotKey(0, bus, slot))) continue;
      usedSlots.add(slotKey(0, bus, slot));
      usedBuses.add(`0:${bus}`);
      return { domain: 0, bus, slot, function: 0 };
    }
    return undefined;
  }

  function nextControllerIndex(): number | undefined {
    let index = 1;
    while (index <= MAX_BUS && (controllerIndexes.has(index) || usedBuses.has(`0:${index}`))) index++;
    return index <= MAX_BUS ? index : undefined;
  }

  function newRootPort(): PlannedAddress | undefined {
    const index = nextControllerIndex();
    const portAddress = index === undefined ? undefined : freeSlotOn(0, 2);
    if (index === undefined || !portAddress) return undefined;
    controllerIndexes.add(index);
    usedBuses.add(`0:${index}`);
    usedSlots.add(slotKey(0, index, 0));
    return {
      address: { domain: 0, bus: index, slot: 0, function: 0 },
      newController: {
        name: 'controller',
        attributes: [
          ['type', 'pci'],
          ['index', String(index)],
          ['model', 'pcie-root-port'],
        ],
        children: [pciAddressSpec(portAddress)],
      },
    };
  }

  function conventional(): PlannedAddress | undefined {
    const onRoot = freeSlotOn(0, 3);
    if (onRoot) return { address: onRoot };
    for (const bridge of pciControllers) {
      if (!BRIDGE_MODELS.has(attributeValue(bridge.element, 'model') ?? '')) continue;
      const address = freeSlotOn(bridge.index!, 1);
      if (address) return { address };
    }
    return undefined;
  }

  function freeSlots(bus: number): number[] {
    const controller = pciControllers.find((c) => c.index === bus);
    if (bus !== 0 && !controller) return [];
    const candidates =
      bus !== 0 && ROOT_PORT_MODELS.has(attributeValue(controller!.element, 'model') ?? '')
        ? [0]
        : Array.from({ length: 0x1f }, (_, i) => i + 1);
    return candidates.filter((slot) => !usedSlots.has(slotKey(0, bus, slot)));
  }

  return {
    freeSlots,
    nextEndpointAddress() {
      if (family === 'q35' || family === 'virt') return freeRootPort() ?? newRootPort();
      if (family === 'i440fx') return conventional();
      return undefined;
    },
  };
}

/** The attributes of <address type='pci'> as libvirt writes them. */
export function pciAddressAttributes(address: PciAddress, multifunction = false): Array<[string, string]> {
  const attributes: Array<[string, string]> = [['type', 'pci'], ...pciAddressNumbers(address)];
  if (multifunction) attributes.push(['multifunction', 'on']);
  return attributes;
}

export function pciAddressSpec(address: PciAddress, multifunction = false): ElementSpec {
  return { name: 'address', attributes: pciAddressAttributes(address, multifunction) };
}
