// Values only this domain can tell: the next free disk name for the bus, the next boot order, the next
// controller index of a type — what a user adding a device (the seed's second virtio disk) has to work out by hand.

import { type CompletionItem, CompletionItemKind } from 'vscode-languageserver-types';
import { type Message, messages } from '../../l10n/message';
import { render } from '../../l10n/render';
import type { CursorContext } from '../cursorContext';
import { nextFreeTarget } from '../model/diskNames';
import { deviceOf, devicesOfKind } from '../model/domainModel';
import { attributeValue } from '../xml/xmlTree';
import type { HostCompletionContext } from './hostCompletion';

const M = messages('completion', {
  nextFreeName: 'next free name on {buses}',
  nextFreeNameInUse: 'next free name on {buses} (in use: {used})',
  nextBootOrder: 'next free boot order (in use: {used})',
  firstBootDevice: 'the first boot device',
  nextControllerIndex: 'next free {type} controller index (in use: {used})',
  firstController: 'the first {type} controller',
});

type ValueContext = Extract<CursorContext, { kind: 'attribute-value' }>;

export function domainValueItems(context: ValueContext, host: HostCompletionContext): CompletionItem[] {
  const { model } = host;
  const device = deviceOf(model, context.parent);
  const item = (value: string, detail: Message): CompletionItem => ({
    label: value,
    kind: CompletionItemKind.Value,
    detail: render(detail, host.locale),
    sortText: '0',
    preselect: true,
    textEdit: { range: host.range, newText: value },
  });

  if (context.tag === 'target' && context.attribute === 'dev' && context.parent?.name === 'disk') {
    const written = context.present.get('bus');
    const buses = written ? [written] : ['virtio', 'sata', 'scsi'];
    const used = devicesOfKind(model, 'disk')
      .filter((d) => d !== device)
      .map((d) => attributeValue(d.target, 'dev'))
      .filter(Boolean);
    // One item per name: sata and scsi disks share the sd names.
    const names = new Map<string, string[]>();
    for (const bus of buses) {
      const name = nextFreeTarget(model, bus, device);
      names.set(name, [...(names.get(name) ?? []), bus]);
    }
    return [...names].map(([name, on], i) => ({
      ...item(
        name,
        used.length ? M.nextFreeNameInUse({ buses: on.join('/'), used: used.join(', ') }) : M.nextFreeName({ buses: on.join('/') }),
      ),
      sortText: `0${i}`,
      preselect: i === 0,
    }));
  }

  if (context.tag === 'boot' && context.attribute === 'order' && device) {
    const orders = model.devices.filter((d) => d !== device && d.bootOrder !== undefined).map((d) => d.bootOrder!);
    const next = orders.length ? Math.max(...orders) + 1 : 1;
    return [
      item(String(next), orders.length ? M.nextBootOrder({ used: [...orders].sort((a, b) => a - b).join(', ') }) : M.firstBootDevice()),
    ];
  }

  if (context.tag === 'controller' && context.attribute === 'index') {
    const type = context.present.get('type');
    if (!type) return [];
    const element = context.element;
    const indexes = new Set(
      devicesOfKind(model, 'controller')
        .filter((d) => d.type === type && d.element !== element && d.index !== undefined)
        .map((d) => d.index!),
    );
    let next = 0;
    while (indexes.has(next)) next++;
    return [
      item(
        String(next),
        indexes.size ? M.nextControllerIndex({ type, used: [...indexes].sort((a, b) => a - b).join(', ') }) : M.firstController({ type }),
      ),
    ];
  }
  return [];
}
