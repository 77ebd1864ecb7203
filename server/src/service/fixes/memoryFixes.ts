// Fixes for memory sizing: currentMemory equal to memory, the balloon disabled.

import { messages } from '../../l10n/message';
import { insertChild, replaceElement } from '../edits/xmlEdits';
import type { ElementSpec } from '../edits/xmlSnippet';
import type { Fix, FixContext } from '../languageTypes';
import type { DomainModel } from '../model/domainModel';
import { attributeValue } from '../xml/xmlTree';

const M = messages('fix.memory', {
  currentMemoryToMemory: 'Set currentMemory to memory ({size})',
  disableBalloon: "Disable the balloon: <memballoon model='none'/>",
});

/** "Set currentMemory to memory": the same number and unit as <memory>. */
export function currentMemoryEqualsMemoryFix(model: DomainModel, context: FixContext): Fix[] {
  const { memory, currentMemory } = model;
  if (!memory || !currentMemory) return [];
  const unit = attributeValue(memory.element, 'unit');
  const spec: ElementSpec = { name: 'currentMemory', attributes: unit ? [['unit', unit]] : [], text: memory.element.text.trim() };
  const shown = `${memory.element.text.trim()}${unit ? ` ${unit}` : ' KiB'}`;
  return [
    { title: M.currentMemoryToMemory({ size: shown }), edits: [replaceElement(currentMemory.element, spec, context)], preferred: true },
  ];
}

/** <memballoon model='none'/>, replacing the existing balloon or added to <devices>. */
export function disableBalloonFix(model: DomainModel, context: FixContext): Fix[] {
  const spec: ElementSpec = { name: 'memballoon', attributes: [['model', 'none']] };
  const balloon = model.devices.find((device) => device.kind === 'memballoon');
  if (balloon) return [{ title: M.disableBalloon(), edits: [replaceElement(balloon.element, spec, context)] }];
  if (!model.devicesElement) return [];
  return [{ title: M.disableBalloon(), edits: [insertChild(model.devicesElement, spec, context)] }];
}
