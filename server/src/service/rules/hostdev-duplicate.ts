import { messages, type Text } from '../../l10n/message';
import { removeElement } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import type { Device } from '../model/domainModel';
import { readPciAddress } from '../model/domainModel';
import { formatPciAddress } from '../model/pciAddress';
import { refusedAtDefine as refused } from '../refusals';
import { duplicates, groupBy, othersIn } from '../validation/grouping';
import { tagSpan } from '../validation/spans';
import { attributeValue, firstChild } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('hostdev-duplicate', {
  passedTwice: 'Host device {device} is passed through {count} times',
  alsoPasses: 'also passes through {device}',
  removeDuplicate: 'Remove this duplicate <{kind}>',
  usbBusDevice: 'USB bus {bus} device {device}',
  mediatedDevice: 'mediated device {uuid}',
});

export const hostdevDuplicate: Rule = {
  id: 'hostdev-duplicate',
  severity: 'error',
  title: 'The same host device is passed through twice',
  explanation:
    'A host device can be given to a guest once. libvirt refuses the domain with "Hostdev already exists in ' +
    'the domain configuration". When passing through a GPU, each function (video, audio, USB...) is its own ' +
    '<hostdev> with a different source function.',
  docs: DOCS.hostdev,
  check({ model, report }) {
    for (const [, devices] of duplicates(groupBy(model.devices, (device) => hostDeviceName(device)?.toString()))) {
      const name = hostDeviceName(devices[0])!;
      for (const device of devices) {
        const span = tagSpan(
          firstChild(device.source, 'address') ?? firstChild(device.source, 'vendor') ?? device.source ?? device.element,
        );
        report({
          ...span,
          message: refused(M.passedTwice({ device: name, count: devices.length }), 'Hostdev already exists in the domain configuration'),
          related: othersIn(devices, device).shown.map((other) => ({ ...tagSpan(other.element), message: M.alsoPasses({ device: name }) })),
          fixes: (context) => [
            {
              title: M.removeDuplicate({ kind: device.kind }),
              edits: [removeElement(device.element, context)],
              preferred: device !== devices[0],
            },
          ],
        });
      }
    }
  },
};

/** Names the host device behind a <hostdev> (or <interface type='hostdev'>), or undefined if unknown. */
function hostDeviceName(device: Device): Text | undefined {
  const source = device.source;
  if (!source) return undefined;
  const isHostdev = device.kind === 'hostdev' && (attributeValue(device.element, 'mode') ?? 'subsystem') === 'subsystem';
  const isHostdevInterface = device.kind === 'interface' && device.type === 'hostdev';
  if (!isHostdev && !isHostdevInterface) return undefined;
  const address = firstChild(source, 'address');
  const type = isHostdevInterface ? 'pci' : device.type;
  switch (type) {
    case 'pci': {
      const pci = address ? readPciAddress(address) : undefined;
      return pci ? `PCI ${formatPciAddress(pci)}` : undefined;
    }
    case 'usb': {
      const vendor = attributeValue(firstChild(source, 'vendor'), 'id');
      const product = attributeValue(firstChild(source, 'product'), 'id');
      if (vendor && product) return `USB ${vendor}:${product}`;
      const bus = attributeValue(address, 'bus');
      const dev = attributeValue(address, 'device');
      return bus && dev ? M.usbBusDevice({ bus, device: dev }) : undefined;
    }
    case 'scsi': {
      const adapter = attributeValue(firstChild(source, 'adapter'), 'name');
      if (!adapter || !address) return undefined;
      return `SCSI ${adapter} ${['bus', 'target', 'unit'].map((n) => attributeValue(address, n) ?? '0').join(':')}`;
    }
    case 'mdev': {
      const uuid = attributeValue(address, 'uuid');
      return uuid ? M.mediatedDevice({ uuid: uuid.toLowerCase() }) : undefined;
    }
    default:
      return undefined;
  }
}
