// Every rule, in the order their diagnostics are listed. Rule ids are public interface: never rename one.

import { acpiRequiresUefi } from './acpi-requires-uefi';
import { addressNumberInvalid } from './address-number-invalid';
import { addressTypeMismatch } from './address-type-mismatch';
import { archAccelMismatch } from './arch-accel-mismatch';
import { balloonWithVfio } from './balloon-with-vfio';
import { bootDiskNotVirtio } from './boot-disk-not-virtio';
import { bootOrderConflict } from './boot-order-conflict';
import { bootOrderDuplicate } from './boot-order-duplicate';
import { builtinControllerAddress } from './builtin-controller-address';
import { chardevInvalid } from './chardev-invalid';
import { controllerIndexDuplicate } from './controller-index-duplicate';
import { controllerModelMismatch } from './controller-model-mismatch';
import { cpuInvalid } from './cpu-invalid';
import { cpuTopologyMismatch } from './cpu-topology-mismatch';
import { cpusetInvalid } from './cpuset-invalid';
import { cputuneInvalid } from './cputune-invalid';
import { currentMemoryExceeds } from './current-memory-exceeds';
import { deviceCountExceeded } from './device-count-exceeded';
import { diskDeviceUnsupported } from './disk-device-unsupported';
import { diskSourceMismatch } from './disk-source-mismatch';
import { diskTargetDuplicate } from './disk-target-duplicate';
import { diskTargetInvalid } from './disk-target-invalid';
import { domainTypeUnsupported } from './domain-type-unsupported';
import { driveAddressConflict } from './drive-address-conflict';
import { driveAddressInvalid } from './drive-address-invalid';
import { emulatorArchMismatch } from './emulator-arch-mismatch';
import { emulatorNotOnHost } from './emulator-not-on-host';
import { enumValueInvalid } from './enum-value-invalid';
import { featureMachineMismatch } from './feature-machine-mismatch';
import { firmwareLoaderConflict } from './firmware-loader-conflict';
import { firmwareNotOnHost } from './firmware-not-on-host';
import { graphicsInvalid } from './graphics-invalid';
import { hostIommuDisabled } from './host-iommu-disabled';
import { hostUnsupportedValue } from './host-unsupported-value';
import { hostdevBootVga } from './hostdev-boot-vga';
import { hostdevDriverBound } from './hostdev-driver-bound';
import { hostdevDuplicate } from './hostdev-duplicate';
import { hostdevNotOnHost } from './hostdev-not-on-host';
import { hostdevTypeMismatch } from './hostdev-type-mismatch';
import { hostdevUnmanaged } from './hostdev-unmanaged';
import { hugepagesInvalid } from './hugepages-invalid';
import { hugepagesNotReserved } from './hugepages-not-reserved';
import { hypervSpinlocksInvalid } from './hyperv-spinlocks-invalid';
import { ideUnsupportedMachine } from './ide-unsupported-machine';
import { inputBusInvalid } from './input-bus-invalid';
import { inputSourceMissing } from './input-source-missing';
import { iommuGroupIncomplete } from './iommu-group-incomplete';
import { iommuInvalid } from './iommu-invalid';
import { kvmHiddenMissing } from './kvm-hidden-missing';
import { macAddressInvalid } from './mac-address-invalid';
import { machineArchMismatch } from './machine-arch-mismatch';
import { maxMemoryBelowMemory } from './max-memory-below-memory';
import { mdevInvalid } from './mdev-invalid';
import { memoryBalloon } from './memory-balloon';
import { memoryExceedsHost } from './memory-exceeds-host';
import { memoryHotplugNeedsNuma } from './memory-hotplug-needs-numa';
import { memoryValueInvalid } from './memory-value-invalid';
import { nicDhcpReservationMismatch } from './nic-dhcp-reservation-mismatch';
import { nicNotVirtio } from './nic-not-virtio';
import { nicQueueSizeInvalid } from './nic-queue-size-invalid';
import { noFreePcieRootPort } from './no-free-pcie-root-port';
import { numaCellInvalid } from './numa-cell-invalid';
import { panicModelInvalid } from './panic-model-invalid';
import { pciAddressConflict } from './pci-address-conflict';
import { pciAddressInvalid } from './pci-address-invalid';
import { pciMultifunction } from './pci-multifunction';
import { pciRootControllerInvalid } from './pci-root-controller-invalid';
import { qemuNamespaceUndeclared } from './qemu-namespace-undeclared';
import { requiredPartMissing } from './required-part-missing';
import type { Rule } from './rule';
import { schema } from './schema';
import { seclabelInvalid } from './seclabel-invalid';
import { shmemSizeInvalid } from './shmem-size-invalid';
import { sourceNotInWorkspace } from './source-not-in-workspace';
import { sourceNotOnHost } from './source-not-on-host';
import { spiceWithoutGraphics } from './spice-without-graphics';
import { sysinfoInvalid } from './sysinfo-invalid';
import { timerInvalid } from './timer-invalid';
import { tpmInvalid } from './tpm-invalid';
import { uefiRequiresAcpi } from './uefi-requires-acpi';
import { usbDisabledWithDevices } from './usb-disabled-with-devices';
import { usbPortConflict } from './usb-port-conflict';
import { uuidInvalid } from './uuid-invalid';
import { vcpuCurrentExceeds } from './vcpu-current-exceeds';
import { vcpupinOutsideHost } from './vcpupin-outside-host';
import { vcpupinSplitsSmt } from './vcpupin-splits-smt';
import { vendorIdInvalid } from './vendor-id-invalid';
import { vendorIdMissing } from './vendor-id-missing';
import { videoInvalid } from './video-invalid';
import { videoPrimaryDuplicate } from './video-primary-duplicate';
import { videoSecondaryModel } from './video-secondary-model';
import { xmlSyntax } from './xml-syntax';

export const RULES: readonly Rule[] = [
  xmlSyntax,
  pciAddressConflict,
  pciAddressInvalid,
  driveAddressConflict,
  diskTargetDuplicate,
  hostdevDuplicate,
  addressTypeMismatch,
  diskSourceMismatch,
  bootOrderConflict,
  vendorIdInvalid,
  vendorIdMissing,
  kvmHiddenMissing,
  bootDiskNotVirtio,
  nicNotVirtio,
  memoryBalloon,
  currentMemoryExceeds,
  balloonWithVfio,
  hostdevUnmanaged,
  archAccelMismatch,
  acpiRequiresUefi,
  enumValueInvalid,
  controllerIndexDuplicate,
  videoPrimaryDuplicate,
  cpuTopologyMismatch,
  cpuInvalid,
  cpusetInvalid,
  cputuneInvalid,
  hugepagesInvalid,
  qemuNamespaceUndeclared,
  usbPortConflict,
  bootOrderDuplicate,
  vcpuCurrentExceeds,
  uefiRequiresAcpi,
  memoryValueInvalid,
  maxMemoryBelowMemory,
  macAddressInvalid,
  uuidInvalid,
  diskTargetInvalid,
  ideUnsupportedMachine,
  shmemSizeInvalid,
  hypervSpinlocksInvalid,
  pciMultifunction,
  memoryHotplugNeedsNuma,
  requiredPartMissing,
  // Host rules: they say something only with the facts of a connection's host.
  hostdevNotOnHost,
  iommuGroupIncomplete,
  hostIommuDisabled,
  hostdevDriverBound,
  sourceNotOnHost,
  sourceNotInWorkspace,
  emulatorArchMismatch,
  pciRootControllerInvalid,
  usbDisabledWithDevices,
  firmwareLoaderConflict,
  machineArchMismatch,
  controllerModelMismatch,
  addressNumberInvalid,
  deviceCountExceeded,
  inputBusInvalid,
  builtinControllerAddress,
  spiceWithoutGraphics,
  videoSecondaryModel,
  videoInvalid,
  graphicsInvalid,
  featureMachineMismatch,
  timerInvalid,
  domainTypeUnsupported,
  numaCellInvalid,
  driveAddressInvalid,
  diskDeviceUnsupported,
  iommuInvalid,
  chardevInvalid,
  tpmInvalid,
  mdevInvalid,
  hostdevTypeMismatch,
  nicQueueSizeInvalid,
  sysinfoInvalid,
  seclabelInvalid,
  panicModelInvalid,
  inputSourceMissing,
  nicDhcpReservationMismatch,
  emulatorNotOnHost,
  memoryExceedsHost,
  hugepagesNotReserved,
  hostUnsupportedValue,
  hostdevBootVga,
  vcpupinOutsideHost,
  vcpupinSplitsSmt,
  noFreePcieRootPort,
  firmwareNotOnHost,
  schema,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));
