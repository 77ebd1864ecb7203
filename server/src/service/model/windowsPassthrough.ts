// Shared by vendor-id-missing and kvm-hidden-missing: both apply to a Windows guest with a PCI device
// passed through, where NVIDIA's driver (and some others) refuse to run when they detect a hypervisor.

import type { Device } from './domainModel';
import { type DomainModel, isWindowsGuest, pciHostdevs, WINDOWS_OSINFO_PREFIX } from './domainModel';

export interface PassthroughToWindows {
  readonly hostdev: Device;
  readonly reason: string;
}

export function passthroughToWindows(model: DomainModel): PassthroughToWindows | undefined {
  const hostdev = pciHostdevs(model)[0];
  if (!hostdev || !isWindowsGuest(model)) return undefined;
  const reason = model.features.hyperv ? 'Hyper-V enlightenments are on' : `the libosinfo id is under ${WINDOWS_OSINFO_PREFIX}`;
  return { hostdev, reason };
}
