import { type Message, type MessageArg, messages } from '../../l10n/message';
import { replaceText } from '../edits/xmlEdits';
import { installFirmwareAdvice } from '../hostAdvice';
import { connectedHost, connectionName, domainCapabilitiesFor } from '../hostFacts';
import { domainCapabilitiesRequest, nvramPath } from '../hostQuestions';
import { DOCS } from '../libvirtDocs';
import { guestArch } from '../model/domainModel';
import { closest } from '../text/closest';
import { tagSpan } from '../validation/spans';
import { attribute, attributeValue, childrenNamed, firstChild, textOf, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('firmware-not-on-host', {
  noImage: 'This machine has no firmware image {path}',
  noVarsTemplate: 'No vars template is known for the loader {path} on {connection}',
  refuses: '{why}: libvirt accepts the definition but refuses to start it ("{libvirtSays}").',
  refusesFirstStart:
    '{why}: libvirt accepts the definition but refuses to start it while its NVRAM file does not exist yet (the first start, or after undefine --nvram) ("{libvirtSays}").',
  pairVars:
    "Give <nvram template='…VARS….fd'>, pair it in /etc/libvirt/qemu.conf (nvram = [ \"{loader}:…VARS….fd\" ]), or use firmware='efi'.",
  hostFirmware: "The host's firmware for {arch}: {images}.",
  useImage: 'Use {path}',
  noUefi:
    'The host of {connection} has no UEFI firmware for {arch} guests: libvirt accepts the definition but refuses to start it ("{libvirtSays}").',
  noSecureBoot:
    'The host of {connection} has UEFI firmware for {arch} but none with Secure Boot: libvirt accepts the definition but refuses to start it ("{libvirtSays}").',
  followedBy: '{text} {next}',
});

/** Sentences one after another, separated as the language separates them. */
const sentences = (first: Message, ...rest: readonly MessageArg[]): Message =>
  rest.reduce<Message>((text, next) => M.followedBy({ text, next }), first);

export const firmwareNotOnHost: Rule = {
  id: 'firmware-not-on-host',
  severity: 'error',
  title: "UEFI firmware is asked for, but the connection's host has none for the guest's architecture",
  explanation:
    "<os firmware='efi'> makes libvirt pick a UEFI image from the firmware descriptors the host has installed " +
    '(/usr/share/qemu/firmware/*.json; virsh domcapabilities lists them). Without one, libvirt accepts the definition ' +
    'but refuses to start it ("Unable to find any firmware to satisfy \'efi\'"). An aarch64 guest on x86 needs AAVMF ' +
    "(qemu-efi-aarch64); Secure Boot needs the firmware's secure variant. On a local connection a <loader> named by " +
    'path is looked for too ("Path \'…\' is not accessible" at start).',
  docs: DOCS.bios,
  check({ model, host, report }) {
    const connected = connectedHost(host);
    const request = connected && domainCapabilitiesRequest(model, connected);
    const caps = request && domainCapabilitiesFor(connected, request);
    const os = model.os.element;
    if (!connected || !os) return;
    const arch = guestArch(model, connected.arch);
    const where = connectionName(connected.connection.uri);
    const loader = model.os.loader;
    const loaderPath = textOf(loader);
    const local = connected.connection.local;
    if (loader && loaderPath?.startsWith('/') && attributeValue(loader, 'type') === 'pflash') {
      // A new NVRAM file is copied from <nvram template>, else from the vars file paired with the loader in the
      // firmware descriptors or qemu.conf's nvram list (which are what domcapabilities lists as loaders).
      const template = attributeValue(model.os.nvram, 'template');
      const nvram = nvramPath(model);
      const nvramState = nvram ? connected.paths?.[nvram] : undefined;
      const listed = caps?.loaders ?? [];
      const missing = local && connected.paths?.[loaderPath] === 'missing';
      const unpaired = !!caps && !template && !listed.includes(loaderPath) && nvramState !== 'file';
      if (missing || unpaired) {
        // The plain image (no Secure Boot keys enrolled) unless the loader asks for a secure one.
        const plain = listed.filter((path) => !/secboot|secure|\.ms\./i.test(path));
        const secure = attributeValue(loader, 'secure') === 'yes';
        const instead = closest(loaderPath, secure ? listed : plain.length ? plain : listed) ?? (secure ? listed : plain)[0] ?? listed[0];
        const firstStart = unpaired && nvramState !== 'missing';
        const says = unpaired
          ? `unable to find any master var store for loader: ${loaderPath}`
          : `Path '${loaderPath}' is not accessible: No such file or directory`;
        const why = missing ? M.noImage({ path: loaderPath }) : M.noVarsTemplate({ path: loaderPath, connection: where });
        report({
          ...(loader.textStart >= 0 ? { start: loader.textStart, end: loader.textEnd } : tagSpan(loader)),
          severity: firstStart ? 'warning' : undefined,
          message: sentences(
            (firstStart ? M.refusesFirstStart : M.refuses)({ why, libvirtSays: says }),
            ...(unpaired ? [M.pairVars({ loader: loaderPath })] : []),
            ...(listed.length ? [M.hostFirmware({ arch, images: listed.join(', ') })] : []),
          ),
          fixes: instead
            ? () => [{ title: M.useImage({ path: instead }), edits: [replaceText(loader, instead)], preferred: true }]
            : undefined,
        });
      }
    }
    if (!caps || model.os.firmware !== 'efi') return;
    const advice = installFirmwareAdvice(arch);
    const install = advice ? [advice] : [];
    if (caps.firmware && !caps.firmware.includes('efi')) {
      const firmware = attribute(os, 'firmware')!;
      report({
        ...valueSpan(firmware),
        message: sentences(M.noUefi({ connection: where, arch, libvirtSays: "Unable to find any firmware to satisfy 'efi'" }), ...install),
      });
      return;
    }
    const secureBoot = childrenNamed(firstChild(os, 'firmware'), 'feature').find(
      (feature) => attributeValue(feature, 'name') === 'secure-boot' && attributeValue(feature, 'enabled') === 'yes',
    );
    if (secureBoot && caps.secureBoot && !caps.secureBoot.includes('yes')) {
      report({
        ...tagSpan(secureBoot),
        message: sentences(
          M.noSecureBoot({ connection: where, arch, libvirtSays: "Unable to find any firmware to satisfy 'efi'" }),
          ...install,
        ),
      });
    }
  },
};
