import { messages } from '../../../l10n/message';
import { replaceAttributeValue } from '../../edits/xmlEdits';
import type { DocumentFixContext } from '../../languageTypes';
import { STORAGE_DOCS } from '../../libvirtDocs';
import type { Rule } from '../../rules/rule';
import { closest } from '../../text/closest';
import { valueSpan } from '../../xml/xmlTree';
import { refusedAtCreate, refusedAtDefine } from '../storageMessages';
import type { StorageVolumeModel } from '../storageModel';

/** The formats a volume in a dir, fs or netfs pool can be created in (libvirt 9.0 with qemu-img). */
const CREATABLE_FORMATS = ['raw', 'qcow2', 'qcow', 'qed', 'vmdk', 'vdi', 'vpc', 'iso', 'dir'] as const;
/** Formats libvirt knows but qemu-img cannot create: read-only ones, and names it does not have. */
const NOT_CREATABLE: Readonly<Record<string, string>> = {
  bochs: 'qemu-img cannot create bochs images (read-only format)',
  cloop: 'qemu-img cannot create cloop images (read-only format)',
  dmg: 'qemu-img cannot create dmg images (read-only format)',
  cow: "qemu-img: Unknown file format 'cow'",
  fat: "qemu-img: Unknown file format 'fat'",
  vhd: "qemu-img: Unknown file format 'vhd'",
};

const M = messages('volume-format-invalid', {
  cannotCreate: 'A {format} image cannot be created',
  changeTo: "Change to '{format}'",
  ploopNeedsTools: 'A ploop image is created with the ploop tools: libvirt refuses to create it on a host without them ("{libvirtSays}").',
  unknownFormat: "'{value}' is not a volume format libvirt knows",
});

export const volumeFormatInvalid: Rule<StorageVolumeModel, DocumentFixContext> = {
  id: 'volume-format-invalid',
  severity: 'error',
  title: 'A volume <target><format> that libvirt does not know or cannot create',
  explanation:
    'In a dir, fs or netfs pool, libvirt refuses a volume format it does not know ("unknown volume format type"; ' +
    "case-sensitive, and 'none' is refused although pool-capabilities lists it), and creating one that qemu-img cannot " +
    'write (bochs, cloop, dmg are read-only; cow, fat, vhd unknown to it) fails. Logical, iSCSI, SCSI and multipath ' +
    'pools do not read the format at all.',
  docs: STORAGE_DOCS.volumeTarget,
  check({ model, report }) {
    const format = model.format;
    if (!format || format.value === '') return;
    const value = format.value;
    if ((CREATABLE_FORMATS as readonly string[]).includes(value)) return;
    const reason = NOT_CREATABLE[value];
    if (reason) {
      report({
        ...valueSpan(format),
        message: refusedAtCreate(M.cannotCreate({ format: value }), reason),
        fixes: (context) => [
          { title: M.changeTo({ format: 'qcow2' }), edits: [replaceAttributeValue(format, 'qcow2', context)], preferred: true },
        ],
      });
      return;
    }
    if (value === 'ploop') {
      report({
        ...valueSpan(format),
        severity: 'warning',
        message: M.ploopNeedsTools({ libvirtSays: 'unable to find ploop, please install ploop tools' }),
      });
      return;
    }
    const suggestion = closest(value, CREATABLE_FORMATS) ?? CREATABLE_FORMATS.find((known) => known === value.toLowerCase());
    report({
      ...valueSpan(format),
      message: refusedAtDefine(M.unknownFormat({ value }), `unknown volume format type ${value}`, 'storage volume'),
      fixes: (context) => [
        {
          title: M.changeTo({ format: suggestion ?? 'qcow2' }),
          edits: [replaceAttributeValue(format, suggestion ?? 'qcow2', context)],
          preferred: true,
        },
      ],
    });
  },
};
