// Short human names for devices: labels in messages ("disk vda", "hostdev 0000:27:00.0", "controller sata 0") and
// the outline's name and detail ("disk vda — virtio, /vm/win.qcow2", "hostdev 27:00.0 — NVIDIA GA106 [GeForce RTX 3060]").

import { messages, type Text } from '../../l10n/message';
import { type HostFacts, hostPciDeviceAt } from '../hostFacts';
import { attributeValue, firstChild } from '../xml/xmlTree';
import type { Device } from './domainModel';
import { readPciAddress } from './domainModel';
import { formatPciAddress } from './pciAddress';

const M = messages('device-label', {
  disk: 'disk {dev}',
  diskUnnamed: 'disk',
  interface: 'interface {mac}',
  interfaceUnnamed: 'interface',
  hostdev: 'hostdev {address}',
  hostdevUnnamed: 'hostdev',
  controller: 'controller {type}',
  controllerModel: 'controller {type} ({model})',
  controllerIndex: 'controller {type} index {index}',
  controllerModelIndex: 'controller {type} ({model}) index {index}',
});

/** A device as messages name it ("disk vda", "interface 52:54:00:…"): a message, or the kind and model as written. */
export function deviceLabel(device: Device): Text {
  const { kind, element } = device;
  switch (kind) {
    case 'disk': {
      const dev = attributeValue(device.target, 'dev');
      return dev ? M.disk({ dev }) : M.diskUnnamed();
    }
    case 'interface': {
      const mac = attributeValue(firstChild(element, 'mac'), 'address');
      return mac ? M.interface({ mac }) : M.interfaceUnnamed();
    }
    case 'hostdev': {
      const sourceAddress = firstChild(device.source, 'address');
      const host = sourceAddress && device.type === 'pci' ? readPciAddress(sourceAddress) : undefined;
      return host ? M.hostdev({ address: formatPciAddress(host) }) : M.hostdevUnnamed();
    }
    case 'controller': {
      const index = attributeValue(element, 'index');
      const model = attributeValue(element, 'model');
      const type = device.type ?? '';
      if (model) return index !== undefined ? M.controllerModelIndex({ type, model, index }) : M.controllerModel({ type, model });
      return index !== undefined ? M.controllerIndex({ type, index }) : M.controller({ type });
    }
    default: {
      const model = attributeValue(device.model, 'type') ?? attributeValue(element, 'model') ?? device.type;
      return model ? `${kind} ${model}` : kind;
    }
  }
}

/** What a device is, in a few words after its kind and name. */
export function deviceSummary(device: Device, host: HostFacts): { name: string; detail: string } {
  const { element } = device;
  switch (device.kind) {
    case 'disk': {
      const source = attributeValue(device.source, 'file') ?? attributeValue(device.source, 'dev') ?? attributeValue(device.source, 'name');
      const kind = attributeValue(element, 'device') ?? 'disk';
      return {
        name: `${kind} ${attributeValue(device.target, 'dev') ?? ''}`.trim(),
        detail: [device.bus, source].filter(Boolean).join(', '),
      };
    }
    case 'interface': {
      const source =
        attributeValue(device.source, 'bridge') ?? attributeValue(device.source, 'network') ?? attributeValue(device.source, 'dev');
      return {
        name: `interface ${attributeValue(device.model, 'type') ?? device.type ?? ''}`.trim(),
        detail: [source, attributeValue(firstChild(element, 'mac'), 'address')].filter(Boolean).join(', '),
      };
    }
    case 'hostdev': {
      const address = firstChild(device.source, 'address');
      const pci = address && device.type === 'pci' ? readPciAddress(address) : undefined;
      if (!pci) return { name: `hostdev ${device.type ?? ''}`.trim(), detail: '' };
      const hostDevice = hostPciDeviceAt(host, pci);
      return { name: `hostdev ${formatPciAddress(pci).slice(5)}`, detail: hostDevice?.name ?? '' };
    }
    case 'controller':
      return {
        name: `controller ${device.type ?? ''} ${attributeValue(element, 'index') ?? ''}`.trim(),
        detail: attributeValue(element, 'model') ?? '',
      };
    default:
      return { name: device.kind, detail: attributeValue(device.model, 'type') ?? attributeValue(element, 'model') ?? device.type ?? '' };
  }
}
