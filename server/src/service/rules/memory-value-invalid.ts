import type { SizeElement } from '../model/domainModel';
import { valueSpan } from '../xml/xmlTree';
import { DOCS } from './docs';
import type { Rule } from './rule';
import { textOrTagSpan } from './spans';

export const memoryValueInvalid: Rule = {
  id: 'memory-value-invalid',
  severity: 'error',
  title: 'A memory size is not a whole number or has an unknown unit',
  explanation: '<memory>, <currentMemory> and <maxMemory> hold a whole number (no spaces after it, no decimals, no hex) '
    + "in unit= (KiB when absent; b, KB, KiB, MB, MiB, GB, GiB, TB, TiB... as in libvirt). libvirt refuses anything else.",
  docs: DOCS.memory,
  check({ model, report }) {
    for (const size of [model.memory, model.currentMemory, model.maxMemory]) {
      if (size && 'error' in size.size) report({ ...spanOf(size), message: `<${size.element.name}>: ${size.size.error}.` });
    }
  },
};

function spanOf(size: SizeElement) {
  return size.size && 'error' in size.size && size.size.error.startsWith('unknown unit') && size.unit ? valueSpan(size.unit) : textOrTagSpan(size.element);
}
