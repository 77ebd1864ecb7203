// What the service would like to know of the host for a document, beyond the facts every host gives: the domain
// capabilities of the emulator, machine and domain type the domain uses. The front end asks the host for them.

import type { DomainCapabilitiesRequest, HostFacts } from './hostFacts';
import { type DomainModel, emulatorPath, guestArch } from './model/domainModel';

export function domainCapabilitiesRequest(model: DomainModel, host: HostFacts): DomainCapabilitiesRequest | undefined {
  const virttype = model.type?.value;
  const arch = guestArch(model, host.arch);
  if (!virttype || !arch) return undefined;
  return { virttype, arch, machine: model.os.machine, emulator: emulatorPath(model) };
}
