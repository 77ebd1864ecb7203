// memory and currentMemory in bytes, when both are present and readable: shared by the memory rules.

import type { XmlElement } from '../xml/xmlTree';
import { attributeValue } from '../xml/xmlTree';
import type { DomainModel } from './domainModel';

export interface MemoryPair {
  readonly maximum: number;
  readonly current: number;
  readonly memoryElement: XmlElement;
  readonly currentElement: XmlElement;
  /** <memballoon model='none'/>: nothing inflates, the guest simply has <memory>. */
  readonly balloonDisabled: boolean;
}

export function memoryPair(model: DomainModel): MemoryPair | undefined {
  const { memory, currentMemory } = model;
  if (!memory || !currentMemory || !('bytes' in memory.size) || !('bytes' in currentMemory.size)) return undefined;
  return {
    maximum: roundUpToKiB(memory.size.bytes),
    current: roundUpToKiB(currentMemory.size.bytes),
    memoryElement: memory.element,
    currentElement: currentMemory.element,
    balloonDisabled: model.devices.some((device) => device.kind === 'memballoon' && attributeValue(device.element, 'model') === 'none'),
  };
}

/** libvirt stores memory sizes in KiB, rounding up. */
function roundUpToKiB(bytes: number): number {
  return Math.ceil(bytes / 1024) * 1024;
}
