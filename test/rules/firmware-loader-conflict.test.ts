import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const OVMF = '/usr/share/OVMF/OVMF_CODE_4M.fd';
const efi = (os: string, extra = {}) => domainXml({ osAttributes: " firmware='efi'", os, features: '    <acpi/>', ...extra });
const manual = (os: string, features = '    <acpi/>') => domainXml({ os, features });
const NO_FIX = 'which of the two the user wants is for them to say';

testRule({
  rule: 'firmware-loader-conflict',
  valid: [
    { name: "firmware='efi' alone", xml: efi('') },
    {
      name: "firmware='efi' with a Secure Boot loader",
      xml: efi("    <loader secure='yes'/>", { features: "    <acpi/>\n    <smm state='on'/>" }),
    },
    { name: 'a pflash loader with its path', xml: manual(`    <loader readonly='yes' type='pflash'>${OVMF}</loader>`) },
    { name: 'a stateless loader without NVRAM', xml: manual(`    <loader readonly='yes' type='pflash' stateless='yes'>${OVMF}</loader>`) },
  ],
  invalid: [
    {
      name: "a loader path with firmware='efi'",
      xml: efi(`    <loader>«${OVMF}»</loader>`),
      libvirtSays: "loader attribute 'type' cannot be specified when firmware autoselection is enabled",
      noFix: NO_FIX,
    },
    {
      name: "readonly= with firmware='efi'",
      xml: efi("    <loader readonly='«yes»'/>"),
      libvirtSays: "loader attribute 'readonly' cannot be specified when firmware autoselection is enabled",
      fixed: [{ title: 'Remove readonly=', output: efi('    <loader/>') }],
    },
    {
      name: "an NVRAM template with firmware='efi'",
      xml: efi("    <nvram template='«/usr/share/OVMF/OVMF_VARS_4M.fd»'/>"),
      libvirtSays: "nvram attribute 'template' cannot be specified when firmware autoselection is enabled",
      noFix: NO_FIX,
    },
    {
      name: 'a loader without its path and without firmware=',
      xml: manual("    <«loader» readonly='yes' type='pflash'/>"),
      libvirtSays: 'no loader path specified and firmware auto selection disabled',
      noFix: 'the path of the firmware is for the user to give (or firmware=efi)',
    },
    {
      name: 'NVRAM for a stateless loader',
      xml: manual(
        `    <loader readonly='yes' type='pflash' stateless='yes'>${OVMF}</loader>\n    <«nvram»>/var/lib/libvirt/qemu/nvram/lint_VARS.fd</nvram>`,
      ),
      libvirtSays: 'NVRAM is not permitted when loader is stateless',
      noFix: NO_FIX,
    },
    {
      name: 'Secure Boot on i440fx',
      xml: domainXml({
        machine: 'pc',
        os: `    <loader readonly='yes' secure='«yes»' type='pflash'>${OVMF}</loader>`,
        features: "    <acpi/>\n    <smm state='on'/>",
      }),
      libvirtSays: 'Secure boot is supported with q35 machine types only',
      noFix: NO_FIX,
    },
    {
      name: 'Secure Boot without SMM',
      xml: manual(`    <loader readonly='yes' secure='«yes»' type='pflash'>/usr/share/OVMF/OVMF_CODE_4M.secboot.fd</loader>`),
      libvirtSays: 'Secure boot requires SMM feature enabled',
      noFix: 'the fix is <smm state="on"/> in <features>, which the user adds',
    },
  ],
});
