import { type Message, messages } from '../../l10n/message';
import { replaceAttributeValue, replaceText, setAttribute } from '../edits/xmlEdits';
import type { Fix, FixContext } from '../languageTypes';
import { DOCS } from '../libvirtDocs';
import type { DomainModel, SizeElement } from '../model/domainModel';
import { unitScale } from '../model/sizeUnits';
import { textOrTagSpan } from '../validation/spans';
import { attribute, firstChild, valueSpan } from '../xml/xmlTree';
import { rawText } from './enum-value-invalid';
import type { Rule } from './rule';

const M = messages('memory-value-invalid', {
  emptyDropped: '<{element}> is empty: libvirt takes it as absent and drops it on define.',
  refused: '<{element}>: {problem}: libvirt refuses the domain ("{libvirtSays}").',
  refusedUnknownUnit: '<{element}>: {problem}: libvirt refuses the domain ("{libvirtSays}"). Use KiB, MiB, GiB, TiB or bytes.',
  unknownUnit: "unknown unit '{unit}'",
  notWholeNumber: "'{value}' is not a whole number",
  tooLarge: "'{value}' is too large",
  changeUnit: 'Change the unit to {unit}',
  writeAs: 'Write it as {text}',
  writeAsKib: 'Write it as {kib} KiB',
});

export const memoryValueInvalid: Rule = {
  id: 'memory-value-invalid',
  severity: 'error',
  title: 'A memory size is not a whole number or has an unknown unit',
  explanation:
    '<memory>, <currentMemory> and <maxMemory> hold a whole number (no spaces after it, no decimals, no hex) ' +
    'in unit= (KiB when absent; b, KB, KiB, MB, MiB, GB, GiB, TB, TiB... as in libvirt). libvirt refuses anything else.',
  docs: DOCS.memory,
  check({ model, document, report }) {
    for (const size of [model.memory, model.currentMemory, model.maxMemory]) {
      if (size && 'error' in size.size) {
        // Where libvirt accepts it (an empty element is an absent one), a warning: what it says is dropped.
        const says = libvirtSays(size, model, rawText(size.element, document));
        report({
          ...spanOf(size),
          severity: says === undefined ? 'warning' : undefined,
          message: says === undefined ? M.emptyDropped({ element: size.element.name }) : messageOf(size, says),
          fixes: (context) => repairSize(size, context),
        });
      }
    }
  },
};

/** The problem, what libvirt says of it and the advice. */
function messageOf(size: SizeElement, says: string): Message {
  const unit = size.unit?.value;
  const args = { element: size.element.name, libvirtSays: says };
  // What parseSize found wrong, in its order: the unit, then the number (a whole number it refused is too large).
  if (unit !== undefined && unitScale(unit) === undefined) return M.refusedUnknownUnit({ ...args, problem: M.unknownUnit({ unit }) });
  const text = size.element.text;
  const trimmed = text.replace(/^[ \t\r\n]+/, '');
  const problem = /^\+?[0-9]+$/.test(trimmed) ? M.tooLarge({ value: trimmed }) : M.notWholeNumber({ value: text });
  return M.refused({ ...args, problem });
}

/**
 * libvirt's message for a size it refuses, checked in its order (virDomainParseScaledValue): the number as an
 * unsigned 64-bit integer, then the unit, then the scaled size. undefined where libvirt accepts the element.
 */
function libvirtSays(size: SizeElement, model: DomainModel, text: string): string | undefined {
  const name = size.element.name;
  const unit = size.unit?.value;
  if (text === '') {
    // An empty element is an absent one to libvirt.
    if (name === 'memory')
      return firstChild(firstChild(model.cpu.element, 'numa'), 'cell')
        ? undefined
        : 'Memory size must be specified via <memory> or in the <numa> configuration';
    if (name === 'maxMemory')
      return attribute(size.element, 'slots') ? 'both maximum memory size and memory slot count must be specified' : undefined;
    return undefined;
  }
  const number = /^[ \t\n\v\f\r]*\+?([0-9]+)$/.exec(text)?.[1];
  if (number === undefined || BigInt(number) > 2n ** 64n - 1n) return `Invalid value '${text}' for element or attribute './${name}[1]'`;
  if (unit !== undefined && unitScale(unit) === undefined) return `unknown suffix '${unit}'`;
  return `value too large: ${BigInt(number)}${unit ?? ''}`;
}

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
      ? [{ title: M.changeUnit({ unit: known }), edits: [replaceAttributeValue(size.unit!, known, context)], preferred: true }]
      : [];
  }
  // A whole number already: only what surrounds it can be repaired (a number too large is for the user to change).
  if (/^\+?[0-9]+$/.test(text)) {
    return text === size.element.text ? [] : [{ title: M.writeAs({ text }), edits: [replaceText(size.element, text)], preferred: true }];
  }
  const number = Number(text);
  const scale = unitScale(unit);
  if (!Number.isFinite(number) || number < 0 || scale === undefined) return [];
  const kib = Math.ceil((number * scale) / 1024);
  const edits = [replaceText(size.element, String(kib)), setAttribute(size.element, 'unit', 'KiB', context)];
  return [{ title: M.writeAsKib({ kib }), edits, preferred: true }];
}

function spanOf(size: SizeElement) {
  return size.size && 'error' in size.size && size.size.error.startsWith('unknown unit') && size.unit
    ? valueSpan(size.unit)
    : textOrTagSpan(size.element);
}
