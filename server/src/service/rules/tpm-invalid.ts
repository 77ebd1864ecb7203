import { messages } from '../../l10n/message';
import { insertChild, removeAttribute, removeElement, setAttribute } from '../edits/xmlEdits';
import { connectedHost, domainCapabilitiesFor, type HostFacts } from '../hostFacts';
import { domainCapabilitiesRequest } from '../hostQuestions';
import type { Fix, FixContext } from '../languageTypes';
import { DOCS } from '../libvirtDocs';
import { type DomainModel, defaultEmulator, devicesOfKind, emulatorPath, guestArch } from '../model/domainModel';
import { CHARDEV_SOURCE_TYPES } from '../model/libvirtEnums';
import { parseUuid } from '../model/uuid';
import { refusedAtDefine as refused } from '../refusals';
import { attribute, childrenNamed, firstChild, nameSpan, valueSpan, type XmlElement } from '../xml/xmlTree';
import type { Problem, Rule } from './rule';

/** The TPM models each architecture's QEMU has (what libvirt's domain capabilities list for it). */
const MODELS_OF_ARCH: Readonly<Record<string, readonly string[]>> = {
  x86_64: ['tpm-tis', 'tpm-crb'],
  i686: ['tpm-tis', 'tpm-crb'],
  aarch64: ['tpm-tis'],
  armv7l: ['tpm-tis'],
};

const M = messages('tpm-invalid', {
  changeTo: "Change to {name}='{value}'",
  add: "Add {name}='{value}'",
  secondBackend: 'A second <backend> in a <tpm>',
  removeThisBackend: 'Remove this <backend>',
  noBackend: 'A <tpm> without a <backend>',
  addBackend: "Add <backend type='emulator' version='2.0'/> (swtpm)",
  notPcrBank: '<{bank}> is not a PCR bank (sha1, sha256, sha384, sha512)',
  removeElement: 'Remove <{name}>',
  pcrBanksWithVersion: '<active_pcr_banks> with TPM {version}',
  pcrBanksWithDefaultVersion: '<active_pcr_banks> with TPM {version} (the default of {tpmModel} on {arch})',
  persistentStateInvalid: "persistent_state='{value}' is neither yes nor no",
  notSecretUuid: "'{value}' is not a secret's UUID",
  tpm12Crb: 'TPM 1.2 with tpm-crb (a TPM 2.0 interface)',
  tpm12Spapr: 'TPM 1.2 with tpm-spapr',
  tpm12Arm: 'TPM 1.2 on an ARM virt machine',
  deviceInEmulator:
    "<device> in an emulator backend: libvirt ignores it and drops it on define (swtpm's state is its own). " +
    "For the host's TPM use <backend type='passthrough'>.",
  removeDevice: 'Remove the <device>',
  attributeOnBackend: '{name}= on a {type} backend: libvirt ignores it and drops it on define (only the emulator backend has it).',
  removeAttribute: 'Remove {name}=',
  elementInBackend: '<{name}> in a {type} backend: libvirt ignores it and drops it on define (only the emulator backend has it).',
  deviceInBackend: '<{name}> in a {type} backend: libvirt ignores it and drops it on define (the passthrough backend has it).',
  notModelOfArch: '{tpmModel} is not a TPM of {arch} guests ({models})',
  externalWithoutSource: "An external TPM without <source type='unix'>",
  externalOnSource: 'An external TPM on a {type} source',
  notChardevType: "'{type}' is not a character device type",
  externalBind: "An external TPM with mode='bind' (libvirt connects to swtpm's socket)",
  externalWithoutPath: "An external TPM's <source> without path=",
});

const PCR_BANKS = new Set(['sha1', 'sha256', 'sha384', 'sha512']);
const CHR_TYPES = new Set(CHARDEV_SOURCE_TYPES);

/** Whether the connection's domain capabilities list TPM models: host-unsupported-value then judges the model. */
function hostJudgesModel(model: DomainModel, host: HostFacts): boolean {
  const connected = connectedHost(host);
  const request = connected && domainCapabilitiesRequest(model, connected);
  return !!(request && connected && domainCapabilitiesFor(connected, request)?.deviceEnums['tpm.model']);
}

const changeAttribute =
  (element: XmlElement, name: string, value: string, preferred = true) =>
  (context: FixContext): Fix[] => [
    {
      title: attribute(element, name) ? M.changeTo({ name, value }) : M.add({ name, value }),
      edits: [setAttribute(element, name, value, context)],
      preferred,
    },
  ];

export const tpmInvalid: Rule = {
  id: 'tpm-invalid',
  severity: 'error',
  title: "A TPM libvirt refuses: a model its architecture has not, TPM 1.2 where it cannot run, a backend's wrong parts",
  explanation:
    'x86 guests have tpm-tis and tpm-crb, ARM virt guests tpm-tis (tpm-spapr and spapr-tpm-proxy are pSeries ones): ' +
    'libvirt refuses another ("The QEMU executable … does not support TPM model tpm-crb"). The emulator backend ' +
    '(swtpm) runs TPM 1.2 or 2.0; without version= a tpm-tis gets 1.2 on x86, tpm-crb and ARM get 2.0. TPM 1.2 ' +
    "does not work with tpm-crb, tpm-spapr or on ARM, and <active_pcr_banks> needs version='2.0' (\"<active_pcr_banks/> " +
    "requires TPM version '2.0'\"); a PCR bank is sha1, sha256, sha384 or sha512. A <tpm> has one <backend>; an " +
    "external one connects to swtpm's unix socket (<source type='unix' mode='connect' path=…>). What a backend does " +
    'not use (a version or state options on passthrough, a <device> on the emulator) is dropped.',
  docs: DOCS.tpm,
  check({ model, host, report }) {
    if (model.type?.value !== 'kvm' && model.type?.value !== 'qemu') return;
    const tpms = devicesOfKind(model, 'tpm');
    if (tpms.length === 0) return;
    const arch = guestArch(model, host.arch);
    const armVirt = (arch === 'aarch64' || arch === 'armv7l') && model.os.machineFamily === 'virt';
    const knownModels = MODELS_OF_ARCH[arch];
    const problems: Problem[] = [];
    for (const tpm of tpms) {
      const element = tpm.element;
      const modelAttribute = attribute(element, 'model');
      const tpmModel = modelAttribute?.value ?? (arch.startsWith('ppc64') ? 'tpm-spapr' : 'tpm-tis');
      const backends = childrenNamed(element, 'backend');
      for (const extra of backends.slice(1))
        problems.push({
          ...nameSpan(extra),
          message: refused(M.secondBackend(), 'only one TPM backend is supported'),
          fixes: (context) => [{ title: M.removeThisBackend(), edits: [removeElement(extra, context)], preferred: true }],
        });
      const backend = backends[0];
      if (!backend)
        problems.push({
          ...nameSpan(element),
          message: refused(M.noBackend(), 'missing TPM device backend'),
          fixes: (context) => [
            {
              title: M.addBackend(),
              edits: [
                insertChild(
                  element,
                  {
                    name: 'backend',
                    attributes: [
                      ['type', 'emulator'],
                      ['version', '2.0'],
                    ],
                  },
                  context,
                ),
              ],
              preferred: true,
            },
          ],
        });
      const type = backend && attribute(backend, 'type')?.value;
      const versionAttribute = backend && attribute(backend, 'version');
      if (backend && type === 'emulator') {
        // libvirt's choice when version= is absent (TPM 1.2 and 2.0 state are not compatible).
        const version = versionAttribute?.value ?? (tpmModel === 'tpm-spapr' || tpmModel === 'tpm-crb' || armVirt ? '2.0' : '1.2');
        const banks = firstChild(backend, 'active_pcr_banks');
        for (const bank of banks?.children ?? [])
          if (!PCR_BANKS.has(bank.name))
            problems.push({
              ...nameSpan(bank),
              message: refused(M.notPcrBank({ bank: bank.name }), `Unsupported PCR banks '${bank.name}'`),
              fixes: (context) => [{ title: M.removeElement({ name: bank.name }), edits: [removeElement(bank, context)], preferred: true }],
            });
        if (banks && version !== '2.0')
          problems.push({
            ...nameSpan(banks),
            message: refused(
              versionAttribute ? M.pcrBanksWithVersion({ version }) : M.pcrBanksWithDefaultVersion({ version, tpmModel, arch }),
              "<active_pcr_banks/> requires TPM version '2.0'",
            ),
            fixes: tpmModel === 'tpm-tis' || tpmModel === 'tpm-crb' ? changeAttribute(backend, 'version', '2.0') : undefined,
          });
        const persistent = attribute(backend, 'persistent_state');
        if (persistent && persistent.value !== 'yes' && persistent.value !== 'no')
          problems.push({
            ...valueSpan(persistent),
            message: refused(M.persistentStateInvalid({ value: persistent.value }), "Invalid persistent_state value, either 'yes' or 'no'"),
            fixes: changeAttribute(backend, 'persistent_state', 'yes'),
          });
        const encryption = firstChild(backend, 'encryption');
        const secret = encryption && attribute(encryption, 'secret');
        if (secret && !parseUuid(secret.value))
          problems.push({
            ...valueSpan(secret),
            message: refused(M.notSecretUuid({ value: secret.value }), `Unable to parse secret uuid '${secret.value}'`),
          });
        const at = versionAttribute ? valueSpan(versionAttribute) : nameSpan(backend);
        if (version === '1.2' && tpmModel === 'tpm-crb')
          problems.push({
            ...at,
            message: refused(M.tpm12Crb(), "Unsupported interface 'tpm-crb' for TPM 1.2"),
            fixes: changeAttribute(backend, 'version', '2.0'),
          });
        else if (version === '1.2' && tpmModel === 'tpm-spapr')
          problems.push({
            ...at,
            message: refused(M.tpm12Spapr(), 'TPM 1.2 is not supported with the SPAPR device model'),
            fixes: changeAttribute(backend, 'version', '2.0'),
          });
        else if (version === '1.2' && armVirt)
          problems.push({
            ...at,
            message: refused(M.tpm12Arm(), 'TPM 1.2 is not supported on ARM'),
            fixes: changeAttribute(backend, 'version', '2.0'),
          });
        const device = firstChild(backend, 'device');
        if (device)
          problems.push({
            ...nameSpan(device),
            severity: 'warning',
            message: M.deviceInEmulator(),
            fixes: (context) => [{ title: M.removeDevice(), edits: [removeElement(device, context)], preferred: true }],
          });
      } else if (backend && (type === 'passthrough' || type === 'external')) {
        for (const name of ['version', 'persistent_state']) {
          const ignored = attribute(backend, name);
          if (ignored)
            problems.push({
              ...valueSpan(ignored),
              severity: 'warning',
              message: M.attributeOnBackend({ name, type }),
              fixes: (context) => [
                { title: M.removeAttribute({ name }), edits: [removeAttribute(backend, ignored, context)], preferred: true },
              ],
            });
        }
        for (const name of ['encryption', 'active_pcr_banks', ...(type === 'external' ? ['device'] : [])]) {
          const ignored = firstChild(backend, name);
          if (ignored)
            problems.push({
              ...nameSpan(ignored),
              severity: 'warning',
              message: name === 'device' ? M.deviceInBackend({ name, type }) : M.elementInBackend({ name, type }),
              fixes: (context) => [{ title: M.removeElement({ name }), edits: [removeElement(ignored, context)], preferred: true }],
            });
        }
        if (type === 'external') checkExternal(backend, problems);
      }
      // Asked of the host only for a model the architecture lacks: most documents have none.
      if (modelAttribute && knownModels && !knownModels.includes(tpmModel) && !hostJudgesModel(model, host)) {
        const emulator = emulatorPath(model) ?? defaultEmulator(arch);
        const instead =
          knownModels.includes('tpm-crb') && !(type === 'emulator' && versionAttribute?.value === '1.2') ? 'tpm-crb' : 'tpm-tis';
        problems.push({
          ...valueSpan(modelAttribute),
          message: refused(
            M.notModelOfArch({ tpmModel, arch, models: knownModels.join(', ') }),
            `The QEMU executable ${emulator} does not support TPM model ${tpmModel}`,
          ),
          fixes: changeAttribute(element, 'model', instead),
        });
      }
    }
    problems.sort((a, b) => a.start - b.start);
    for (const problem of problems) report(problem);
  },
};

/** An external backend: swtpm's unix socket, which libvirt connects to. */
function checkExternal(backend: XmlElement, problems: Problem[]): void {
  const source = firstChild(backend, 'source');
  const sourceType = source && attribute(source, 'type');
  if (!source || !sourceType) {
    problems.push({
      ...nameSpan(source ?? backend),
      message: refused(M.externalWithoutSource(), 'missing external TPM backend type'),
      fixes: source ? changeAttribute(source, 'type', 'unix') : undefined,
    });
    return;
  }
  if (sourceType.value !== 'unix') {
    problems.push({
      ...valueSpan(sourceType),
      message: CHR_TYPES.has(sourceType.value)
        ? refused(M.externalOnSource({ type: sourceType.value }), "only source type 'unix' is supported for external TPM device")
        : refused(M.notChardevType({ type: sourceType.value }), `unknown backend type '${sourceType.value}' for external TPM`),
      fixes: changeAttribute(source, 'type', 'unix'),
    });
    return;
  }
  const mode = attribute(source, 'mode');
  if (mode?.value === 'bind')
    problems.push({
      ...valueSpan(mode),
      message: refused(M.externalBind(), "only 'client' mode is supported for external TPM device"),
      fixes: changeAttribute(source, 'mode', 'connect'),
    });
  else if (!attribute(source, 'path'))
    problems.push({
      ...nameSpan(source),
      message: refused(M.externalWithoutPath(), 'missing socket path for external TPM device'),
    });
}
