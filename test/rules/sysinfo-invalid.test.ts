import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const UUID = 'c7a5fdbd-edaf-9455-926a-d65c16db1809';
const mode = "    <smbios mode='sysinfo'/>";
/** A domain with a <uuid> (when given) and a <sysinfo>, passed to QEMU unless `os` says otherwise. */
const sysinfo = (inner: string, { uuid = UUID, type = 'smbios', os = mode } = {}) =>
  domainXml({
    extra: `${uuid ? `  <uuid>${uuid}</uuid>\n` : ''}  <sysinfo type='${type}'>\n${inner}\n  </sysinfo>`,
    os,
  });
const system = (uuid: string) =>
  `    <system>\n      <entry name='manufacturer'>Fedora</entry>\n      <entry name='uuid'>${uuid}</entry>\n    </system>`;
const bios = (date: string) =>
  `    <bios>\n      <entry name='vendor'>LENOVO</entry>\n      <entry name='date'>${date}</entry>\n    </bios>`;
const board = (serial: string) => `    <baseBoard>\n      <entry name='serial'>${serial}</entry>\n    </baseBoard>`;

testRule({
  rule: 'sysinfo-invalid',
  valid: [
    { name: "the domain's UUID", xml: sysinfo(system(UUID)) },
    { name: 'the same UUID written otherwise', xml: sysinfo(system(UUID.toUpperCase().replace(/-/g, ''))) },
    { name: 'a system UUID without a domain <uuid>', xml: sysinfo(system(UUID), { uuid: '' }) },
    { name: 'BIOS dates with four and two digit years', xml: sysinfo(`${bios('01/01/2011')}\n${board('1')}`) },
    { name: 'a two digit year', xml: sysinfo(bios('12/31/99')) },
    {
      name: 'a firmware entry under opt/',
      xml: sysinfo("    <entry name='opt/com.example/name'>example value</entry>", { type: 'fwcfg', os: '' }),
    },
    { name: 'SMBIOS values with the host mode chosen', xml: sysinfo(system(UUID), { os: "    <smbios mode='host'/>" }) },
  ],
  invalid: [
    {
      name: "a system UUID other than the domain's",
      xml: sysinfo(system('«c7a5fdbd-edaf-9455-926a-d65c16db1800»')),
      libvirtSays: 'UUID mismatch between <uuid> and <sysinfo>',
      fixed: [{ title: "Use the domain's <uuid>", output: sysinfo(system(UUID)) }],
    },
    {
      name: 'a malformed system UUID',
      xml: sysinfo(system('«c7a5fdbd-edaf-9455»')),
      libvirtSays: 'malformed <sysinfo> uuid element',
      fixed: [{ title: "Use the domain's <uuid>", output: sysinfo(system(UUID)) }],
    },
    {
      name: 'an ISO BIOS date',
      xml: sysinfo(bios('«2011-01-01»')),
      libvirtSays: "Invalid BIOS 'date' format",
      noFix: 'the date is for the user to write',
    },
    {
      name: 'a thirteenth month',
      xml: sysinfo(bios('«13/01/2011»')),
      libvirtSays: "Invalid BIOS 'date' format",
      noFix: 'the date is for the user to write',
    },
    {
      name: 'a three digit year',
      xml: sysinfo(bios('«01/01/111»')),
      libvirtSays: "Invalid BIOS 'date' format",
      noFix: 'the date is for the user to write',
    },
    {
      name: 'a firmware name outside opt/',
      xml: sysinfo("    <entry name='«com.example.name»'>value</entry>", { type: 'fwcfg', os: '' }),
      libvirtSays: 'Invalid firmware name',
      fixed: [
        {
          title: "Change to 'opt/com.example.name'",
          output: sysinfo("    <entry name='opt/com.example.name'>value</entry>", { type: 'fwcfg', os: '' }),
        },
      ],
    },
    {
      name: 'a reserved firmware name',
      xml: sysinfo("    <entry name='«opt/ovmf/X-PciMmio64Mb»'>65536</entry>", { type: 'fwcfg', os: '' }),
      libvirtSays: 'That firmware name is reserved',
      noFix: 'the name is for the user to choose',
    },
    {
      name: 'a firmware entry without a value',
      xml: sysinfo("    <«entry» name='opt/com.example/name'/>", { type: 'fwcfg', os: '' }),
      libvirtSays: "Firmware entry must have either value or 'file' attribute",
      noFix: 'the value is for the user to give',
    },
    {
      name: 'a firmware entry without a name',
      xml: sysinfo('    <«entry»>value</entry>', { type: 'fwcfg', os: '' }),
      libvirtSays: "Firmware entry is missing 'name' attribute",
      noFix: 'the name is for the user to choose',
    },
    {
      name: "smbios mode='sysinfo' without a sysinfo: accepted, not started",
      xml: domainXml({ os: "    <smbios mode='«sysinfo»'/>" }),
      libvirt: 'accepts',
      noFix: 'the SMBIOS values are for the user to give',
    },
    {
      name: 'two base boards: accepted, not started',
      xml: sysinfo(`${board('1')}\n${board('2').replace('<baseBoard>', '<«baseBoard»>')}`),
      libvirt: 'accepts',
      fixed: [{ title: 'Remove this <baseBoard>', output: sysinfo(board('1')) }],
    },
    {
      name: 'SMBIOS values without smbios mode: kept, not given to the guest',
      xml: sysinfo(system(UUID), { os: '' }).replace("<sysinfo type='smbios'>", "<«sysinfo» type='smbios'>"),
      fixed: [{ title: "Add <smbios mode='sysinfo'/> to <os>", output: sysinfo(system(UUID)) }],
    },
  ],
});
