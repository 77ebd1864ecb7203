import { messages } from '../../l10n/message';
import { replaceText } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { devicesOfKind } from '../model/domainModel';
import { formatBytes, parseSize, unitScale } from '../model/sizeUnits';
import { textOrTagSpan } from '../validation/spans';
import { attributeValue, firstChild } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('shmem-size-invalid', {
  notPowerOfTwo: 'The shmem size {size} is not a power of two: libvirt accepts the definition but refuses to start it ("{libvirtSays}").',
  roundUp: 'Round up to {size}',
});

export const shmemSizeInvalid: Rule = {
  id: 'shmem-size-invalid',
  severity: 'error',
  title: 'A shared memory device size is not a power of two',
  explanation:
    'ivshmem regions are PCI BARs, whose sizes are powers of two. libvirt accepts the domain but refuses to start ' +
    'it: "shmem size must be a power of two". Common sizes: 4M, 32M, 64M, 128M (Looking Glass needs at least 32M for 1080p).',
  docs: DOCS.shmem,
  check({ model, report }) {
    for (const shmem of devicesOfKind(model, 'shmem')) {
      const size = firstChild(shmem.element, 'size');
      if (!size) continue;
      const parsed = parseSize(size.text, attributeValue(size, 'unit'), 1);
      if (!('bytes' in parsed) || parsed.bytes === 0) continue;
      const bytes = BigInt(parsed.bytes);
      if ((bytes & (bytes - 1n)) === 0n) continue;
      const scale = unitScale(attributeValue(size, 'unit'), 1)!;
      let power = 1n;
      while (power < bytes) power <<= 1n;
      const rounded = Number(power) % scale === 0 ? String(Number(power) / scale) : undefined;
      report({
        ...textOrTagSpan(size),
        message: M.notPowerOfTwo({ size: formatBytes(parsed.bytes), libvirtSays: 'shmem size must be a power of two' }),
        fixes: () =>
          rounded ? [{ title: M.roundUp({ size: formatBytes(Number(power)) }), edits: [replaceText(size, rounded)], preferred: true }] : [],
      });
    }
  },
};
