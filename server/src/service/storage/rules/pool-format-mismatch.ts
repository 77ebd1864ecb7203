import { messages } from '../../../l10n/message';
import { replaceAttributeValue } from '../../edits/xmlEdits';
import type { DocumentFixContext } from '../../languageTypes';
import { STORAGE_DOCS } from '../../libvirtDocs';
import type { Rule } from '../../rules/rule';
import { closest } from '../../text/closest';
import { attribute, firstChild, nameSpan, valueSpan } from '../../xml/xmlTree';
import { refusedAtDefine } from '../storageMessages';
import type { StoragePoolModel } from '../storageModel';

/** The <source><format type> each pool type reads (libvirt 9.0's tables; case-sensitive). */
const POOL_FORMATS: Readonly<Record<string, readonly string[]>> = {
  fs: ['auto', 'ext2', 'ext3', 'ext4', 'ufs', 'iso9660', 'udf', 'gfs', 'gfs2', 'vfat', 'hfs+', 'xfs', 'ocfs2', 'vmfs'],
  netfs: ['auto', 'nfs', 'glusterfs', 'cifs'],
  disk: ['unknown', 'dos', 'dvh', 'gpt', 'mac', 'bsd', 'pc98', 'sun', 'lvm2'],
  logical: ['unknown', 'lvm2'],
};

const M = messages('pool-format-mismatch', {
  noSourceFormat: 'A {type} pool has no source format: libvirt ignores <format> and drops it on define.',
  notPoolFormat: "'{value}' is not a {type} pool format ({known})",
  changeTo: "Change to '{value}'",
});

export const poolFormatMismatch: Rule<StoragePoolModel, DocumentFixContext> = {
  id: 'pool-format-mismatch',
  severity: 'error',
  title: "A pool's <source><format> that its type does not know, or does not read",
  explanation:
    'fs, netfs, disk and logical pools read <source><format type> and refuse a value they do not know ("unknown pool ' +
    'format type X"; the names are case-sensitive: nfs, not NFS; dos, not msdos). The other pool types do not read ' +
    '<format> at all: libvirt drops it.',
  docs: STORAGE_DOCS.poolSource,
  check({ model, report }) {
    const type = model.type?.value;
    const format = firstChild(model.source, 'format');
    if (!type || !format) return;
    const formatType = attribute(format, 'type');
    const known = POOL_FORMATS[type];
    if (!known) {
      report({
        ...nameSpan(format),
        severity: 'warning',
        message: M.noSourceFormat({ type }),
      });
      return;
    }
    // An empty type= is no type: the default.
    if (!formatType || formatType.value === '' || known.includes(formatType.value)) return;
    const suggestion = closest(formatType.value, known) ?? known.find((name) => name.toLowerCase() === formatType.value.toLowerCase());
    report({
      ...valueSpan(formatType),
      message: refusedAtDefine(
        M.notPoolFormat({ value: formatType.value, type, known: known.join(', ') }),
        `unknown pool format type ${formatType.value}`,
      ),
      fixes: suggestion
        ? (context) => [
            { title: M.changeTo({ value: suggestion }), edits: [replaceAttributeValue(formatType, suggestion, context)], preferred: true },
          ]
        : undefined,
    });
  },
};
