import { messages } from '../../l10n/message';
import { insertChild, removeElement, replaceText, setAttribute } from '../edits/xmlEdits';
import type { FixContext } from '../languageTypes';
import { DOCS } from '../libvirtDocs';
import type { DomainModel } from '../model/domainModel';
import { parseUuid } from '../model/uuid';
import { BUILDING_COMMAND_LINE, refusedAtDefine as refused, refusedAtStart } from '../refusals';
import { textOrTagSpan } from '../validation/spans';
import { attribute, attributeValue, childrenNamed, firstChild, nameSpan, valueSpan, type XmlElement } from '../xml/xmlTree';
import type { Problem, Rule } from './rule';

const M = messages('sysinfo-invalid', {
  smbiosModeWithoutSysinfo: "<smbios mode='sysinfo'> without a <sysinfo type='smbios'>",
  secondBaseBoard: 'A second <baseBoard> (SMBIOS type 2)',
  removeThisBaseBoard: 'Remove this <baseBoard>',
  valuesUnused:
    "SMBIOS values without <os><smbios mode='sysinfo'/>: libvirt keeps them but does not give them to QEMU, so the " +
    "guest sees QEMU's own.",
  addSmbiosMode: "Add <smbios mode='sysinfo'/> to <os>",
  notBiosDate: "'{text}' is not a BIOS date (mm/dd/yyyy)",
  notUuid: "'{text}' is not a UUID",
  uuidMismatch: "The SMBIOS system UUID is not the domain's <uuid>",
  useDomainUuid: "Use the domain's <uuid>",
  removeEntry: "Remove the entry (the guest gets the domain's UUID)",
  entryWithoutName: 'A firmware entry without name=',
  entryWithoutValue: "The firmware entry '{name}' has neither a value nor file=",
  notUnderOpt: "'{name}' is not under opt/",
  changeTo: "Change to '{name}'",
  reservedName: "'{name}' is a name QEMU and OVMF keep for themselves",
});

/** The first <entry name='NAME'> of an element, as libvirt's XPath string(entry[@name=…]) picks it. */
const entryNamed = (element: XmlElement | undefined, name: string) =>
  childrenNamed(element, 'entry').find((entry) => attributeValue(entry, 'name') === name);

/** An integer as C's strtol reads one: blanks, a sign, digits; the rest of the text after it. */
function strtol(text: string): { value: number; rest: string } | undefined {
  const match = /^[ \t\n\v\f\r]*([+-]?[0-9]+)/.exec(text);
  return match ? { value: Number(match[1]), rest: text.slice(match[0].length) } : undefined;
}

/** Whether libvirt takes a BIOS date: mm/dd/yy or mm/dd/yyyy (a year from 1900 on). */
function isBiosDate(text: string): boolean {
  const month = strtol(text);
  if (!month?.rest.startsWith('/')) return false;
  const day = strtol(month.rest.slice(1));
  if (!day?.rest.startsWith('/')) return false;
  const year = strtol(day.rest.slice(1));
  if (year?.rest !== '') return false;
  return (
    month.value >= 1 &&
    month.value <= 12 &&
    day.value >= 1 &&
    day.value <= 31 &&
    year.value >= 0 &&
    (year.value < 100 || year.value >= 1900) &&
    year.value <= 0x7fffffff
  );
}

/** Whether an SMBIOS block carries anything (libvirt drops a block whose entries are all empty). */
const hasEntries = (element: XmlElement) => childrenNamed(element, 'entry').some((entry) => entry.text !== '');

/** Whether an SMBIOS block has values the guest only gets from it (its system UUID is the domain's anyway). */
const givesValues = (block: XmlElement) =>
  block.name !== 'entry' &&
  childrenNamed(block, 'entry').some(
    (entry) => entry.text !== '' && !(block.name === 'system' && attributeValue(entry, 'name') === 'uuid'),
  );

export const sysinfoInvalid: Rule = {
  id: 'sysinfo-invalid',
  severity: 'error',
  title: "<sysinfo> libvirt refuses (a UUID other than the domain's, a malformed BIOS date, a firmware entry) or QEMU ignores",
  explanation:
    "<sysinfo type='smbios'><system><entry name='uuid'> must be the domain's <uuid> (\"UUID mismatch between <uuid> and " +
    '<sysinfo>"); without a <uuid> it becomes the domain\'s. The BIOS date is mm/dd/yy or mm/dd/yyyy ("Invalid BIOS ' +
    "'date' format\"). A <sysinfo type='fwcfg'> entry needs a name under opt/ (opt/ovmf/ and opt/org.qemu/ are " +
    "reserved) and a value or file=. QEMU guests see the SMBIOS values only with <os><smbios mode='sysinfo'/>; " +
    'without it they are kept in the XML and not used.',
  docs: DOCS.sysinfo,
  check({ model, report }) {
    const sysinfos = childrenNamed(model.root, 'sysinfo');
    const smbiosMode = firstChild(model.os.element, 'smbios');
    const mode = smbiosMode && attribute(smbiosMode, 'mode');
    if (sysinfos.length === 0 && mode?.value !== 'sysinfo') return;
    const qemu = model.type?.value === 'kvm' || model.type?.value === 'qemu';
    const problems: Problem[] = [];
    const domainUuidText = firstChild(model.root, 'uuid')?.text;
    const domainUuid = domainUuidText ? parseUuid(domainUuidText) : undefined;
    for (const sysinfo of sysinfos) {
      const type = attributeValue(sysinfo, 'type');
      if (type === 'smbios') checkSmbios(sysinfo, domainUuidText, domainUuid, problems);
      else if (type === 'fwcfg') checkFwcfg(sysinfo, qemu, problems);
    }
    const smbios = sysinfos.find((sysinfo) => attributeValue(sysinfo, 'type') === 'smbios');
    if (qemu && mode?.value === 'sysinfo') {
      if (!smbios)
        problems.push({
          ...valueSpan(mode),
          message: refusedAtStart(
            M.smbiosModeWithoutSysinfo(),
            `Domain '${model.name ?? ''}' sysinfo are not available`,
            BUILDING_COMMAND_LINE,
          ),
        });
      else
        for (const extra of childrenNamed(smbios, 'baseBoard').filter(hasEntries).slice(1))
          problems.push({
            ...nameSpan(extra),
            message: refusedAtStart(
              M.secondBaseBoard(),
              'qemu does not support more than one entry to Type 2 in SMBIOS table',
              BUILDING_COMMAND_LINE,
            ),
            fixes: (context) => [{ title: M.removeThisBaseBoard(), edits: [removeElement(extra, context)], preferred: true }],
          });
    } else if (qemu && !mode && smbios?.children.some(givesValues))
      problems.push({
        ...nameSpan(smbios),
        severity: 'warning',
        message: M.valuesUnused(),
        fixes: (context) => smbiosModeFix(model, context),
      });
    problems.sort((a, b) => a.start - b.start);
    for (const problem of problems) report(problem);
  },
};

function smbiosModeFix(model: DomainModel, context: FixContext) {
  const os = model.os.element;
  if (!os) return [];
  return [
    {
      title: M.addSmbiosMode(),
      edits: [insertChild(os, { name: 'smbios', attributes: [['mode', 'sysinfo']] }, context)],
      preferred: true,
    },
  ];
}

function checkSmbios(sysinfo: XmlElement, domainUuidText: string | undefined, domainUuid: string | undefined, problems: Problem[]) {
  const date = entryNamed(firstChild(sysinfo, 'bios'), 'date');
  if (date && date.text !== '' && !isBiosDate(date.text))
    problems.push({
      ...textOrTagSpan(date),
      message: refused(M.notBiosDate({ text: date.text.trim() }), "Invalid BIOS 'date' format"),
    });
  const uuid = entryNamed(firstChild(sysinfo, 'system'), 'uuid');
  if (!uuid || uuid.text === '') return;
  const value = parseUuid(uuid.text);
  if (value === undefined)
    problems.push({
      ...textOrTagSpan(uuid),
      message: refused(M.notUuid({ text: uuid.text.trim() }), 'malformed <sysinfo> uuid element'),
      fixes:
        domainUuid !== undefined && domainUuidText
          ? (context) => [useDomainUuid(uuid, domainUuidText), removeEntry(uuid, context)]
          : undefined,
    });
  else if (domainUuid !== undefined && domainUuidText && value !== domainUuid)
    problems.push({
      ...textOrTagSpan(uuid),
      message: refused(M.uuidMismatch(), 'UUID mismatch between <uuid> and <sysinfo>'),
      fixes: (context) => [useDomainUuid(uuid, domainUuidText), removeEntry(uuid, context)],
    });
}

const useDomainUuid = (entry: XmlElement, domainUuidText: string) => ({
  title: M.useDomainUuid(),
  edits: [replaceText(entry, domainUuidText.trim())],
  preferred: true,
});

const removeEntry = (entry: XmlElement, context: FixContext) => ({
  title: M.removeEntry(),
  edits: [removeElement(entry, context)],
});

function checkFwcfg(sysinfo: XmlElement, qemu: boolean, problems: Problem[]) {
  for (const entry of childrenNamed(sysinfo, 'entry')) {
    const name = attribute(entry, 'name');
    if (!name) {
      problems.push({
        ...nameSpan(entry),
        message: refused(M.entryWithoutName(), "Firmware entry is missing 'name' attribute"),
      });
      continue;
    }
    if (entry.text.trim() === '' && !attribute(entry, 'file')) {
      problems.push({
        ...nameSpan(entry),
        message: refused(M.entryWithoutValue({ name: name.value }), "Firmware entry must have either value or 'file' attribute"),
      });
      continue;
    }
    if (!qemu) continue;
    if (!name.value.startsWith('opt/'))
      problems.push({
        ...valueSpan(name),
        message: refused(M.notUnderOpt({ name: name.value }), 'Invalid firmware name'),
        fixes: (context) => [
          {
            title: M.changeTo({ name: `opt/${name.value}` }),
            edits: [setAttribute(entry, 'name', `opt/${name.value}`, context)],
            preferred: true,
          },
        ],
      });
    else if (name.value.startsWith('opt/ovmf/') || name.value.startsWith('opt/org.qemu/'))
      problems.push({
        ...valueSpan(name),
        message: refused(M.reservedName({ name: name.value }), 'That firmware name is reserved'),
      });
  }
}
