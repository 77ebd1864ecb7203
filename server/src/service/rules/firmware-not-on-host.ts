import { connectedHost, connectionName, domainCapabilitiesFor } from '../hostFacts';
import { domainCapabilitiesRequest } from '../hostQuestions';
import { DOCS } from '../libvirtDocs';
import { guestArch } from '../model/domainModel';
import { tagSpan } from '../validation/spans';
import { attribute, attributeValue, childrenNamed, firstChild, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

/** The package that installs UEFI firmware for an arch (Debian/Ubuntu, then Fedora). */
const FIRMWARE_PACKAGES: Readonly<Record<string, string>> = {
  x86_64: 'ovmf (Debian/Ubuntu) or edk2-ovmf (Fedora)',
  i686: 'ovmf (Debian/Ubuntu) or edk2-ovmf (Fedora)',
  aarch64: 'qemu-efi-aarch64 (Debian/Ubuntu) or edk2-aarch64 (Fedora)',
  armv7l: 'qemu-efi-arm (Debian/Ubuntu) or edk2-arm (Fedora)',
};

export const firmwareNotOnHost: Rule = {
  id: 'firmware-not-on-host',
  severity: 'error',
  title: "UEFI firmware is asked for, but the connection's host has none for the guest's architecture",
  explanation:
    "<os firmware='efi'> makes libvirt pick a UEFI image from the firmware descriptors the host has installed " +
    '(/usr/share/qemu/firmware/*.json; virsh domcapabilities lists them). Without one, libvirt accepts the definition ' +
    'but refuses to start it ("Unable to find any firmware to satisfy \'efi\'"). An aarch64 guest on x86 needs AAVMF ' +
    "(qemu-efi-aarch64); Secure Boot needs the firmware's secure variant.",
  docs: DOCS.bios,
  check({ model, host, report }) {
    const connected = connectedHost(host);
    const request = connected && domainCapabilitiesRequest(model, connected);
    const caps = request && domainCapabilitiesFor(connected, request);
    const os = model.os.element;
    if (!connected || !caps || !os || model.os.firmware !== 'efi') return;
    const arch = guestArch(model, connected.arch);
    const where = connectionName(connected.connection.uri);
    const install = FIRMWARE_PACKAGES[arch] ? ` Install ${FIRMWARE_PACKAGES[arch]} on the host, then Libvirt: Refresh Host Facts.` : '';
    if (caps.firmware && !caps.firmware.includes('efi')) {
      const firmware = attribute(os, 'firmware')!;
      report({
        ...valueSpan(firmware),
        message: `The host of ${where} has no UEFI firmware for ${arch} guests: libvirt accepts the definition but refuses to start it ("Unable to find any firmware to satisfy 'efi'").${install}`,
      });
      return;
    }
    const secureBoot = childrenNamed(firstChild(os, 'firmware'), 'feature').find(
      (feature) => attributeValue(feature, 'name') === 'secure-boot' && attributeValue(feature, 'enabled') === 'yes',
    );
    if (secureBoot && caps.secureBoot && !caps.secureBoot.includes('yes')) {
      report({
        ...tagSpan(secureBoot),
        message: `The host of ${where} has UEFI firmware for ${arch} but none with Secure Boot: libvirt accepts the definition but refuses to start it ("Unable to find any firmware to satisfy 'efi'").${install}`,
      });
    }
  },
};
