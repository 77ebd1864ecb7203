// Shared by vendor-id-missing and kvm-hidden-missing: both apply to a Windows guest with a PCI device
// passed through, where NVIDIA's driver (and some others) refuse to run when they detect a hypervisor.

import { type Message, messages } from '../../l10n/message';
import type { Device } from './domainModel';
import { type DomainModel, isWindowsGuest, pciHostdevs, WINDOWS_OSINFO_PREFIX } from './domainModel';

const M = messages('windows-passthrough', {
  hypervOn: 'Hyper-V enlightenments are on',
  osinfoWindows: 'the libosinfo id is under {prefix}',
});

export interface PassthroughToWindows {
  readonly hostdev: Device;
  /** Why the guest counts as Windows, in a few words (a placeholder of the rules' messages). */
  readonly reason: Message;
}

export function passthroughToWindows(model: DomainModel): PassthroughToWindows | undefined {
  const hostdev = pciHostdevs(model)[0];
  if (!hostdev || !isWindowsGuest(model)) return undefined;
  const reason = model.features.hyperv ? M.hypervOn() : M.osinfoWindows({ prefix: WINDOWS_OSINFO_PREFIX });
  return { hostdev, reason };
}
