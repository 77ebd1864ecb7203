import { replaceAttributeValue, replaceText, setAttribute } from '../edits/xmlEdits';
import type { Fix, FixContext } from '../languageTypes';
import { DOCS } from '../libvirtDocs';
import type { SizeElement } from '../model/domainModel';
import { unitScale } from '../model/sizeUnits';
import { textOrTagSpan } from '../validation/spans';
import { valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

export const memoryValueInvalid: Rule = {
  id: 'memory-value-invalid',
  severity: 'error',
  title: 'A memory size is not a whole number or has an unknown unit',
  explanation:
    '<memory>, <currentMemory> and <maxMemory> hold a whole number (no spaces after it, no decimals, no hex) ' +
    'in unit= (KiB when absent; b, KB, KiB, MB, MiB, GB, GiB, TB, TiB... as in libvirt). libvirt refuses anything else.',
  docs: DOCS.memory,
  check({ model, report }) {
    for (const size of [model.memory, model.currentMemory, model.maxMemory]) {
      if (size && 'error' in size.size)
        report({ ...spanOf(size), message: `<${size.element.name}>: ${size.size.error}.`, fixes: (context) => repairSize(size, context) });
    }
  },
};

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'bytes', 'KB', 'MB', 'GB', 'TB'];

/** A readable value for what the user meant: trimmed, a decimal turned into KiB, the closest known unit. */
function repairSize(size: SizeElement, context: FixContext): Fix[] {
  const text = size.element.text.trim();
  const unit = size.unit?.value;
  if (unit !== undefined && unitScale(unit) === undefined) {
    const known =
      UNITS.find((candidate) => candidate.toLowerCase() === unit.toLowerCase().replace(/s$/, '')) ??
      UNITS.find((candidate) => unit.toLowerCase().startsWith(candidate[0].toLowerCase()));
    return known
      ? [{ title: `Change the unit to ${known}`, edits: [replaceAttributeValue(size.unit!, known, context)], preferred: true }]
      : [];
  }
  // A whole number already: only what surrounds it can be repaired (a number too large is for the user to change).
  if (/^\+?[0-9]+$/.test(text)) {
    return text === size.element.text ? [] : [{ title: `Write it as ${text}`, edits: [replaceText(size.element, text)], preferred: true }];
  }
  const number = Number(text);
  const scale = unitScale(unit);
  if (!Number.isFinite(number) || number < 0 || scale === undefined) return [];
  const kib = Math.ceil((number * scale) / 1024);
  const edits = [replaceText(size.element, String(kib)), setAttribute(size.element, 'unit', 'KiB', context)];
  return [{ title: `Write it as ${kib} KiB`, edits, preferred: true }];
}

function spanOf(size: SizeElement) {
  return size.size && 'error' in size.size && size.size.error.startsWith('unknown unit') && size.unit
    ? valueSpan(size.unit)
    : textOrTagSpan(size.element);
}
