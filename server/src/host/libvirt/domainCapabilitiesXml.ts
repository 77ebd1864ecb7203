// `virsh domcapabilities` read into host facts: firmware, loaders, Secure Boot, and every device enum libvirt lists.

import type { DomainCapabilitiesRequest, HostCpuCapabilities, HostDomainCapabilities } from '../../service/hostFacts';
import { parseXml } from '../../service/xml/xmlParser';
import { attributeValue, childrenNamed, firstChild, textOf, type XmlElement } from '../../service/xml/xmlTree';

const values = (element: XmlElement | undefined) => childrenNamed(element, 'value').map((value) => textOf(value) ?? '');
const enumNamed = (element: XmlElement | undefined, name: string) =>
  childrenNamed(element, 'enum').find((candidate) => attributeValue(candidate, 'name') === name);

export function parseDomainCapabilities(text: string, request: DomainCapabilitiesRequest): HostDomainCapabilities | undefined {
  const { root } = parseXml(text);
  if (root?.name !== 'domainCapabilities') return undefined;
  const os = firstChild(root, 'os');
  const loader = firstChild(os, 'loader');
  const firmware = enumNamed(os, 'firmware');
  const secure = enumNamed(loader, 'secure');
  const deviceEnums: Record<string, string[]> = {};
  for (const device of firstChild(root, 'devices')?.children ?? []) {
    if (attributeValue(device, 'supported') === 'no') continue;
    for (const list of childrenNamed(device, 'enum')) deviceEnums[`${device.name}.${attributeValue(list, 'name')}`] = values(list);
  }
  return {
    request,
    emulator: textOf(firstChild(root, 'path')),
    machine: textOf(firstChild(root, 'machine')),
    firmware: firmware ? values(firmware) : undefined,
    loaders: loader ? values(loader) : undefined,
    secureBoot: secure ? values(secure) : undefined,
    deviceEnums,
    cpu: cpuCapabilities(firstChild(root, 'cpu')),
  };
}

function cpuCapabilities(cpu: XmlElement | undefined): HostCpuCapabilities | undefined {
  const modes = childrenNamed(cpu, 'mode');
  if (!modes.length) return undefined;
  const custom = modes.find((mode) => attributeValue(mode, 'name') === 'custom');
  const hostModel = modes.find((mode) => attributeValue(mode, 'name') === 'host-model');
  return {
    hostModel: textOf(firstChild(hostModel, 'model')) || undefined,
    modes: Object.fromEntries(modes.map((mode) => [attributeValue(mode, 'name') ?? '', attributeValue(mode, 'supported') !== 'no'])),
    models: childrenNamed(custom, 'model').map((model) => ({
      name: textOf(model) ?? '',
      usable: attributeValue(model, 'usable') ?? 'unknown',
      vendor: attributeValue(model, 'vendor'),
    })),
  };
}
