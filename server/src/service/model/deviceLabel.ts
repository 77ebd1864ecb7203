// Short human names for devices, used in messages ("disk vda", "hostdev 0000:27:00.0", "controller sata 0").

import { attributeValue, firstChild } from '../xml/xmlTree';
import type { Device } from './domainModel';
import { readPciAddress } from './domainModel';
import { formatPciAddress } from './pciAddress';

export function deviceLabel(device: Device): string {
  const { kind, element } = device;
  switch (kind) {
    case 'disk': {
      const dev = attributeValue(device.target, 'dev');
      return dev ? `disk ${dev}` : 'disk';
    }
    case 'interface': {
      const mac = attributeValue(firstChild(element, 'mac'), 'address');
      return mac ? `interface ${mac}` : 'interface';
    }
    case 'hostdev': {
      const sourceAddress = firstChild(device.source, 'address');
      const host = sourceAddress && device.type === 'pci' ? readPciAddress(sourceAddress) : undefined;
      return host ? `hostdev ${formatPciAddress(host)}` : 'hostdev';
    }
    case 'controller': {
      const index = attributeValue(element, 'index');
      const model = attributeValue(element, 'model');
      return `controller ${device.type ?? ''}${model ? ` (${model})` : ''}${index !== undefined ? ` index ${index}` : ''}`;
    }
    default: {
      const model = attributeValue(device.model, 'type') ?? attributeValue(element, 'model') ?? device.type;
      return model ? `${kind} ${model}` : kind;
    }
  }
}
