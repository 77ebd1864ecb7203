import { messages } from '../../l10n/message';
import { replaceAttributeValue } from '../edits/xmlEdits';
import { moveToFreePciAddress, removeAddressFix } from '../fixes/pciAddressFixes';
import type { Fix, FixContext } from '../languageTypes';
import { DOCS } from '../libvirtDocs';
import { formatPciAddress, type PciAddress, parseCNumber } from '../model/pciAddress';
import type { XmlElement } from '../xml/xmlTree';
import { attribute, firstChild, valueSpan } from '../xml/xmlTree';
import type { Rule, RuleContext } from './rule';

const M = messages('pci-address-invalid', {
  otherDomain: 'PCI domain {domain}: libvirt refuses the domain ("{libvirtSays}").',
  notANumber: 'PCI address {name} \'{value}\' is not a number: libvirt refuses the domain ("{libvirtSays}"). Write it as 0x1f or 31.',
  outOfRange: 'PCI address {name}=\'{value}\' is out of range (it must be at most {max}): libvirt refuses the domain ("{libvirtSays}").',
  multifunctionValue: "multifunction must be 'on' or 'off', not '{value}': libvirt refuses the domain (\"{libvirtSays}\").",
  changeMultifunction: "Change to multifunction='{value}'",
});

/** Each number's limit, as written here and in libvirt's message (which quotes bus= and slot=, not function=). */
const LIMITS: ReadonlyArray<readonly [string, number, string, (value: number) => string]> = [
  ['bus', 0xff, '0xff', (value) => `Invalid PCI address bus='0x${value.toString(16)}', must be <= 0xFF`],
  ['slot', 0x1f, '0x1f', (value) => `Invalid PCI address slot='0x${value.toString(16)}', must be <= 0x1F`],
  ['function', 7, '7', (value) => `Invalid PCI address function=0x${value.toString(16)}, must be <= 7`],
];

/** libvirt's message for an attribute it cannot read (as an unsigned int). */
const unreadable = (name: string, value: string) =>
  `Invalid value for attribute '${name}' in element 'address': '${value}'. Expected non-negative integer value`;

export const pciAddressInvalid: Rule = {
  id: 'pci-address-invalid',
  severity: 'error',
  title: 'A PCI address number is malformed or out of range',
  explanation:
    'PCI addresses have at most 256 buses, 32 slots per bus and 8 functions per slot. libvirt reads the numbers ' +
    'as C integers (decimal, 0x-hex or 0-octal) and refuses the domain when one cannot be read or is out of range.',
  docs: DOCS.addresses,
  check(context) {
    for (const device of context.model.devices) {
      if (device.address?.type === 'pci') {
        const guestFixes = (fixContext: FixContext) => [
          ...moveToFreePciAddress(device, fixContext),
          ...removeAddressFix(device, fixContext),
        ];
        checkAddress(device.address.element, context, guestFixes, device.address.pci);
        checkDomain(device.address.element, device.address.pci, context, guestFixes);
      }
      const hostAddress = device.kind === 'hostdev' && device.type === 'pci' ? firstChild(device.source, 'address') : undefined;
      // The host's address: only the user knows which device was meant (host facts will offer the host's devices).
      if (hostAddress) checkAddress(hostAddress, context, () => []);
    }
  },
};

/** QEMU guests have one PCI domain (pSeries aside): libvirt refuses an address in another. */
function checkDomain(
  element: XmlElement,
  pci: PciAddress | undefined,
  { model, report }: RuleContext,
  fixes: (context: FixContext) => Fix[],
): void {
  const domain = attribute(element, 'domain');
  if (!pci || !domain || pci.domain === 0 || (model.os.arch ?? '').startsWith('ppc')) return;
  if (model.type?.value !== 'kvm' && model.type?.value !== 'qemu') return;
  report({
    ...valueSpan(domain),
    message: M.otherDomain({
      domain: domain.value,
      libvirtSays: `Invalid PCI address ${formatPciAddress(pci)}. Only PCI domain 0 is available`,
    }),
    fixes,
  });
}

function checkAddress(element: XmlElement, { report }: RuleContext, fixes: (context: FixContext) => Fix[], parsed?: PciAddress): void {
  // Already read by the model and within every limit: the common case in a large document.
  if (parsed && parsed.bus <= 0xff && parsed.slot <= 0x1f && parsed.function <= 7 && !attribute(element, 'multifunction')) return;
  for (const name of ['domain', 'bus', 'slot', 'function']) {
    const attr = attribute(element, name);
    if (!attr) continue;
    const value = parseCNumber(attr.value);
    if (value === undefined) {
      report({
        ...valueSpan(attr),
        message: M.notANumber({ name, value: attr.value, libvirtSays: unreadable(name, attr.value) }),
        fixes,
      });
      continue;
    }
    const limit = LIMITS.find(([limitName]) => limitName === name);
    if (limit && value > limit[1]) {
      report({
        ...valueSpan(attr),
        // Beyond an unsigned int libvirt cannot read the number at all.
        message: M.outOfRange({
          name,
          value: attr.value,
          max: limit[2],
          libvirtSays: value > 0xffffffff ? unreadable(name, attr.value) : limit[3](value),
        }),
        fixes,
      });
    }
  }
  const multifunction = attribute(element, 'multifunction');
  if (multifunction && multifunction.value !== 'on' && multifunction.value !== 'off') {
    const meant = ['yes', 'true', '1'].includes(multifunction.value.toLowerCase()) ? 'on' : 'off';
    report({
      ...valueSpan(multifunction),
      message: M.multifunctionValue({
        value: multifunction.value,
        libvirtSays: `Invalid value for attribute 'multifunction' in element 'address': '${multifunction.value}'.`,
      }),
      fixes: (context) => [
        { title: M.changeMultifunction({ value: meant }), edits: [replaceAttributeValue(multifunction, meant, context)], preferred: true },
      ],
    });
  }
}
