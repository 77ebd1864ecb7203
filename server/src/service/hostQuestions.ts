// What the service would like to know of the host for a document, beyond the facts every host gives: the domain
// capabilities of the emulator, machine and domain type the domain uses, and — on a local connection — what is at
// the paths its disks and firmware name. The front end asks the host for them.

import { connectedHost, type DomainCapabilitiesRequest, type HostFacts } from './hostFacts';
import { type DomainModel, emulatorPath, guestArch } from './model/domainModel';
import { attributeValue, textOf } from './xml/xmlTree';

export interface HostQuestions {
  readonly domainCapabilities?: readonly DomainCapabilitiesRequest[];
  /** Absolute paths to look at (only asked of a local connection). */
  readonly paths?: readonly string[];
}

export function hostQuestionsFor(model: DomainModel, host: HostFacts): HostQuestions {
  const request = domainCapabilitiesRequest(model, host);
  return {
    domainCapabilities: request ? [request] : [],
    paths: connectedHost(host)?.connection.local ? [...new Set(localPaths(model))] : [],
  };
}

/** The paths a start needs: disk sources (files and block devices) and a firmware image named by path. */
export function localPaths(model: DomainModel): string[] {
  const paths: string[] = [];
  for (const device of model.devices) {
    if (device.kind !== 'disk') continue;
    const path =
      device.type === 'file'
        ? attributeValue(device.source, 'file')
        : device.type === 'block'
          ? attributeValue(device.source, 'dev')
          : undefined;
    if (path?.startsWith('/')) paths.push(path);
  }
  const loader = textOf(model.os.loader);
  if (loader?.startsWith('/')) paths.push(loader);
  const nvram = nvramPath(model);
  if (nvram) paths.push(nvram);
  return paths;
}

/** Where an old-style pflash loader keeps its variables: <nvram>, or libvirt's default for the domain's name. */
export function nvramPath(model: DomainModel): string | undefined {
  if (attributeValue(model.os.loader, 'type') !== 'pflash') return undefined;
  const explicit = textOf(model.os.nvram);
  if (explicit) return explicit.startsWith('/') ? explicit : undefined;
  return model.name ? `/var/lib/libvirt/qemu/nvram/${model.name}_VARS.fd` : undefined;
}

export function domainCapabilitiesRequest(model: DomainModel, host: HostFacts): DomainCapabilitiesRequest | undefined {
  const virttype = model.type?.value;
  const arch = guestArch(model, host.arch);
  if (!virttype || !arch) return undefined;
  return { virttype, arch, machine: model.os.machine, emulator: emulatorPath(model) };
}
