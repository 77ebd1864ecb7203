// What the host says about each PCI device a domain passes through: found or not, its driver, and every member of
// its IOMMU group with what stands in VFIO's way — shared by the host rules and the passthrough report.

import { isBridge, VFIO_DRIVERS } from './hostAdvice';
import { type HostFacts, type HostPciDevice, hostPciDeviceAt } from './hostFacts';
import { type Device, type DomainModel, hostdevSourceAddress, pciHostdevs } from './model/domainModel';
import { type PciAddress, pciKey } from './model/pciAddress';

/** What a group member is to VFIO: only a host driver other than vfio-pci/pci-stub (on a non-bridge) blocks the group. */
export type MemberState = 'passed' | 'vfio' | 'bridge' | 'unbound' | 'blocking';

export interface GroupMember {
  readonly device: HostPciDevice;
  readonly state: MemberState;
}

export interface PassedDevice {
  readonly hostdev: Device;
  readonly address: PciAddress;
  /** The host's device there, when it has one. */
  readonly device: HostPciDevice | undefined;
  /** Every member of its IOMMU group (itself included), when the host reports the group. */
  readonly group: readonly GroupMember[] | undefined;
}

export function passedDevices(model: DomainModel, host: HostFacts): PassedDevice[] {
  const hostdevs = pciHostdevs(model);
  const passed = new Set(
    hostdevs
      .map(hostdevSourceAddress)
      .filter((a) => a !== undefined)
      .map(pciKey),
  );
  const stateOf = (member: HostPciDevice): MemberState => {
    if (passed.has(pciKey(member.address))) return 'passed';
    if (isBridge(member)) return 'bridge';
    if (!member.driver) return 'unbound';
    return VFIO_DRIVERS.has(member.driver) ? 'vfio' : 'blocking';
  };
  return hostdevs.flatMap((hostdev): PassedDevice[] => {
    const address = hostdevSourceAddress(hostdev);
    if (!address) return [];
    const device = hostPciDeviceAt(host, address);
    const group = device?.iommuGroupMembers
      ?.map((member) => hostPciDeviceAt(host, member))
      .filter((member) => member !== undefined)
      .map((member) => ({ device: member, state: stateOf(member) }));
    return [{ hostdev, address, device, group }];
  });
}
