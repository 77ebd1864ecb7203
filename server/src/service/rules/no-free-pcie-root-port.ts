import { messages } from '../../l10n/message';
import { insertControllers } from '../fixes/pciAddressFixes';
import { DOCS } from '../libvirtDocs';
import { devicesOfKind } from '../model/domainModel';
import { tagSpan } from '../validation/spans';
import { attributeValue } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('no-free-pcie-root-port', {
  allPortsUsed:
    'All {count} pcie-root-ports hold a device: hot-plugging a disk or NIC into the running guest will fail ("{libvirtSays}"). Add a spare root port.',
  addSpare: 'Add a spare pcie-root-port (index {index}; libvirt gives it its address)',
});

export const noFreePcieRootPort: Rule = {
  id: 'no-free-pcie-root-port',
  severity: 'info',
  title: 'A q35 or virt guest has no free pcie-root-port: hot-plugging a device will fail',
  explanation:
    'On PCI Express machines (q35, aarch64 virt) each device sits on a pcie-root-port of its own, and devices can only ' +
    'be hot-plugged into a free one (virsh attach-device … --live: "No more available PCI slots"). libvirt adds the ports ' +
    'a definition needs, no more; virt-install adds spares. Keep one or two free ports if you attach disks or NICs to ' +
    'the running guest.',
  docs: DOCS.controllers,
  check({ model, report }) {
    if (model.os.machineFamily !== 'q35' && model.os.machineFamily !== 'virt') return;
    const ports = devicesOfKind(model, 'controller').filter(
      (device) => device.type === 'pci' && attributeValue(device.element, 'model') === 'pcie-root-port' && device.index !== undefined,
    );
    if (ports.length === 0) return;
    const used = new Set(model.devices.map((device) => device.address?.pci?.bus).filter((bus) => bus !== undefined));
    if (ports.some((port) => !used.has(port.index!))) return;
    const last = ports[ports.length - 1]!;
    report({
      ...tagSpan(last.element),
      message: M.allPortsUsed({ count: ports.length, libvirtSays: 'No more available PCI slots' }),
      fixes: (context) => {
        const index =
          Math.max(
            ...devicesOfKind(context.model, 'controller')
              .filter((d) => d.type === 'pci')
              .map((d) => d.index ?? 0),
          ) + 1;
        const spec = {
          name: 'controller',
          attributes: [
            ['type', 'pci'],
            ['index', String(index)],
            ['model', 'pcie-root-port'],
          ] as Array<[string, string]>,
        };
        return [
          {
            title: M.addSpare({ index }),
            edits: [insertControllers(context.model, [spec], context)],
            preferred: true,
          },
        ];
      },
    });
  },
};
