// Fixes that move, rename or convert devices; shared by the address, target and virtio rules.

import type { OffsetEdit } from '../edits/xmlEdits';
import { insertChild, insertChildren, removeElement, replaceElement, setAttribute } from '../edits/xmlEdits';
import type { ElementSpec } from '../edits/xmlSnippet';
import type { Device, DomainModel } from '../model/domainModel';
import { devicesOfKind } from '../model/domainModel';
import { formatPciAddress } from '../model/pciAddress';
import { type PciAddressPlanner, type PlannedAddress, pciAddressSpec } from '../planner/pciAddressPlanner';
import { attributeValue } from '../xml/xmlTree';
import type { Fix, FixContext } from './rule';

/** The edits that put `device` at a planned PCI address (replacing its <address>) and add the plan's controller. */
export function pciAddressEdits(device: Device, plan: PlannedAddress, context: FixContext): OffsetEdit[] {
  const spec = pciAddressSpec(plan.address);
  const edits = [device.address ? replaceElement(device.address.element, spec, context) : insertChild(device.element, spec, context)];
  if (plan.newController) edits.push(insertControllers(context.model, [plan.newController], context));
  return edits;
}

/** "Move to free address 0000:01:00.0" (via the planner), or nothing when the machine has no room it knows of. */
export function moveToFreePciAddress(device: Device, context: FixContext, preferred = true): Fix[] {
  const plan = context.planner([device]).nextEndpointAddress();
  if (!plan) return [];
  const where = formatPciAddress(plan.address);
  const title = plan.newController ? `Move to free address ${where} (adds a pcie-root-port)` : `Move to free address ${where}`;
  return [{ title, edits: pciAddressEdits(device, plan, context), preferred }];
}

export function removeAddressFix(device: Device, context: FixContext): Fix[] {
  if (!device.address) return [];
  return [{ title: 'Remove the address (libvirt assigns one)', edits: [removeElement(device.address.element, context)] }];
}

/**
 * The drive address libvirt gives a disk without one, from its target name (virDomainDiskDefAssignAddress):
 * sdX on SATA is controller X/6, unit X%6; hdX on IDE is controller X/4, bus (X%4)/2, unit X%2. Undefined where
 * it depends on more than the name (SCSI).
 */
export function driveAddressFromName(
  bus: string | undefined,
  dev: string | undefined,
): readonly [number, number, number, number] | undefined {
  const match = dev ? /^(?:sd|hd|fd|vd|xvd)([a-z]+)$/.exec(dev) : null;
  if (!match) return undefined;
  let index = 0;
  for (const char of match[1]) index = index * 26 + (char.charCodeAt(0) - 96);
  index -= 1;
  switch (bus) {
    case 'sata':
      return [Math.floor(index / 6), 0, 0, index % 6];
    case 'ide':
      return [Math.floor(index / 4), Math.floor((index % 4) / 2), 0, index % 2];
    case 'fdc':
      return [0, 0, 0, index];
    default:
      return undefined;
  }
}

/** "Remove the address" for a disk on a drive bus, only when the address libvirt would derive is free. */
export function removeDriveAddressFix(disk: Device, context: FixContext): Fix[] {
  const bus = attributeValue(disk.target, 'bus');
  const derived = driveAddressFromName(bus, attributeValue(disk.target, 'dev'));
  if (!derived) return [];
  const clash = devicesOfKind(context.model, 'disk').some(
    (other) =>
      other !== disk &&
      attributeValue(other.target, 'bus') === bus &&
      (other.address?.drive ?? driveAddressFromName(bus, attributeValue(other.target, 'dev')))?.join(':') === derived.join(':'),
  );
  return clash ? [] : removeAddressFix(disk, context);
}

/** Inserts new controllers after the last <controller> of <devices> (or at the end of <devices>), in one edit. */
export function insertControllers(model: DomainModel, specs: readonly ElementSpec[], context: FixContext): OffsetEdit {
  const devices = model.devicesElement!;
  const controllers = devices.children.filter((child) => child.name === 'controller');
  const last = controllers[controllers.length - 1];
  const next = last ? devices.children[devices.children.indexOf(last) + 1] : undefined;
  return insertChildren(devices, specs, context, next);
}

/** The disk name prefix libvirt expects for a bus. */
export function targetPrefixFor(bus: string): string {
  switch (bus) {
    case 'virtio':
      return 'vd';
    case 'ide':
      return 'hd';
    case 'fdc':
      return 'fd';
    case 'xen':
      return 'xvd';
    default:
      return 'sd';
  }
}

/** 0 → a, 25 → z, 26 → aa: libvirt's disk name suffixes. */
function diskSuffix(index: number): string {
  let suffix = '';
  let n = index;
  do {
    suffix = String.fromCharCode(97 + (n % 26)) + suffix;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return suffix;
}

/** The first free target name with the bus's prefix (vda, vdb... / sda...), ignoring `except`'s own name. */
export function nextFreeTarget(model: DomainModel, bus: string, except?: Device, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set(taken);
  for (const disk of devicesOfKind(model, 'disk')) {
    const dev = attributeValue(disk.target, 'dev');
    if (dev && disk !== except) used.add(dev);
  }
  const prefix = targetPrefixFor(bus);
  for (let i = 0; ; i++) {
    const name = prefix + diskSuffix(i);
    if (!used.has(name)) return name;
  }
}

/** The part of a conversion that cannot be done by one edit alone: root ports to add in a single insertion. */
export interface DeviceEdits {
  readonly edits: OffsetEdit[];
  readonly newControllers: ElementSpec[];
}

/**
 * Converts a disk to virtio: bus='virtio', the target renamed to the next free vdX, the drive address replaced by a
 * free PCI address from `planner` (or removed when it has none). `taken` collects target names across conversions.
 */
export function convertDiskToVirtio(disk: Device, context: FixContext, planner: PciAddressPlanner, taken: Set<string>): DeviceEdits {
  const target = disk.target!;
  const edits: OffsetEdit[] = [setAttribute(target, 'bus', 'virtio', context)];
  const newControllers: ElementSpec[] = [];
  const dev = attributeValue(target, 'dev');
  if (!dev?.startsWith('vd') || taken.has(dev)) {
    const name = nextFreeTarget(context.model, 'virtio', disk, taken);
    taken.add(name);
    edits.push(setAttribute(target, 'dev', name, context));
  } else {
    taken.add(dev);
  }
  if (disk.address && disk.address.type !== 'pci') {
    const plan = planner.nextEndpointAddress();
    if (plan) {
      edits.push(replaceElement(disk.address.element, pciAddressSpec(plan.address), context));
      if (plan.newController) newControllers.push(plan.newController);
    } else {
      edits.push(removeElement(disk.address.element, context));
    }
  }
  return { edits, newControllers };
}

/** One disk converted, with its new root port (if any) inserted. */
export function convertDiskToVirtioEdits(disk: Device, context: FixContext): OffsetEdit[] {
  const { edits, newControllers } = convertDiskToVirtio(disk, context, context.planner([disk]), new Set());
  return newControllers.length ? [...edits, insertControllers(context.model, newControllers, context)] : edits;
}

/** The <source file> directory of a disk, for placing a helper image beside it. */
export function imageDirectoryOf(disk: Device): string {
  const file = attributeValue(disk.source, 'file');
  const slash = file?.lastIndexOf('/') ?? -1;
  return file && slash > 0 ? file.slice(0, slash) : '/var/lib/libvirt/images';
}

/** A small virtio disk that makes Windows install the virtio storage driver before its boot disk is converted. */
export function driverHelperDiskFix(disk: Device, context: FixContext): Fix {
  const path = `${imageDirectoryOf(disk)}/virtio-driver-setup.qcow2`;
  const spec: ElementSpec = {
    name: 'disk',
    attributes: [
      ['type', 'file'],
      ['device', 'disk'],
    ],
    children: [
      {
        name: 'driver',
        attributes: [
          ['name', 'qemu'],
          ['type', 'qcow2'],
        ],
      },
      { name: 'source', attributes: [['file', path]] },
      {
        name: 'target',
        attributes: [
          ['dev', nextFreeTarget(context.model, 'virtio')],
          ['bus', 'virtio'],
        ],
      },
    ],
  };
  const devices = context.model.devicesElement!;
  const disks = devices.children.filter((child) => child.name === 'disk');
  const after = disks[disks.length - 1];
  const before = after ? devices.children[devices.children.indexOf(after) + 1] : undefined;
  return {
    title: `Add a temporary virtio disk first, so Windows installs the virtio storage driver (create it: qemu-img create -f qcow2 ${path} 1G)`,
    edits: [insertChild(devices, spec, context, before)],
    step: true,
  };
}
