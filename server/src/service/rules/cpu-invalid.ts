import { messages } from '../../l10n/message';
import { removeAttribute, setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { maxVcpus } from '../model/cputune';
import { devicesOfKind, guestArch } from '../model/domainModel';
import { X86_ARCHES } from '../model/libvirtEnums';
import { refusedAtDefine as refused } from '../refusals';
import { attribute, attributeValue, childrenNamed, firstChild, nameSpan, textOf, valueSpan, type XmlElement } from '../xml/xmlTree';
import type { Problem, Rule, RuleContext } from './rule';

const M = messages('cpu-invalid', {
  migratableWithMode: "migratable= with CPU mode '{mode}'",
  vendorWithoutModel: '<vendor> without a <model>',
  featureWithoutModel: "<feature> in a custom CPU without <model> (use mode='host-model', or name a model)",
  featureTwice: "Feature '{name}' a second time",
  secondCache: 'A second <cache>',
  maxphysaddrOutsideX86: '<maxphysaddr> outside x86 (the guest is {arch})',
  bitsWithPassthrough: "bits= with <maxphysaddr mode='passthrough'> (the host's bits are passed through; mode='emulate' sets them)",
  emulateWithoutBits: "<maxphysaddr mode='emulate'> without bits=",
  cacheOutsideX86: '<cache> outside x86 (the guest is {arch})',
  emulatedCacheWithoutLevel: "<cache mode='emulate'> without level (QEMU emulates the L3 cache only)",
  emulatedCacheLevel: "<cache mode='emulate'> with level='{level}' (QEMU emulates the L3 cache only)",
  hostCacheWithMode: "<cache mode='passthrough'> with CPU mode '{mode}' (the host's cache is passed through with the host's CPU only)",
  levelWithCacheMode: "level= with <cache mode='{mode}'>",
  manyVcpusWithoutEim:
    "{count} vCPUs without <iommu model='intel'> with <driver intremap='on' eim='on'/> (and <ioapic driver='qemu'/>): above 255 the guest needs x2APIC interrupt remapping",
  vcpuIdOutOfRange: '<vcpus> names vCPU {id}, but <vcpu> allows {max} (0-{last})',
  vcpu0Offline: 'vCPU 0 offline',
  vcpu0Hotpluggable: 'vCPU 0 hotpluggable',
  vcpu0Order: "vCPU 0 with order='{order}'",
  vcpuWithoutOrder: 'vCPU {id} without order= while vCPU 0 has',
  vcpuWithOrder: 'vCPU {id} with order= while vCPU 0 has none',
  hotpluggableBefore: 'vCPU {id} is not hotpluggable but vCPU {previous} is',
  orderDescending: 'vCPU {id} (order {order}) comes after vCPU {previous} (order {previousOrder})',
  offlineNotHotpluggable: 'vCPU {id} offline and not hotpluggable (it could never be used)',
  removeMigratable: 'Remove migratable=',
  removeBits: 'Remove bits=',
  changeToEmulate: "Change to mode='emulate'",
  setLevel3: "Set level='3'",
  removeLevel: 'Remove level=',
});

const PASSTHROUGH_MODES = new Set(['host-passthrough', 'maximum']);
/** QEMU_MAX_VCPUS_WITHOUT_EIM: above it x86 guests need x2APIC interrupt delivery through the IOMMU. */
const MAX_VCPUS_WITHOUT_EIM = 255;
/** Above this, the vcpu states are not simulated (no real domain has that many). */
const MAX_SIMULATED_VCPUS = 4096;

export const cpuInvalid: Rule = {
  id: 'cpu-invalid',
  severity: 'error',
  title: '<cpu> and vCPU settings libvirt refuses: cache and maxphysaddr modes, features, migratable, <vcpus> states',
  explanation:
    "<cache mode='passthrough'> exists only for host-passthrough and maximum CPUs, mode='emulate' needs level='3', " +
    "passthrough and disable take no level; <maxphysaddr mode='emulate'> needs bits=, mode='passthrough' takes none; " +
    'both are x86 only. migratable= belongs to host-passthrough and maximum, <feature> and <vendor> need a <model> ' +
    '(in custom mode), a feature is named once. vCPU 0 must be online and not hotpluggable, <vcpus> ids stay below ' +
    "<vcpu>, and more than 255 vCPUs on x86 need <iommu> with eim='on'. libvirt refuses each at define with its " +
    'message.',
  docs: DOCS.cpuModel,
  check(context) {
    const { model, report } = context;
    if (model.type?.value !== 'kvm' && model.type?.value !== 'qemu') return;
    const problems: Problem[] = [];
    const cpu = model.cpu.element;
    const arch = guestArch(model, context.host.arch);
    if (cpu) checkCpu(cpu, arch, problems);
    checkVcpus(context, arch, problems);
    problems.sort((a, b) => a.start - b.start);
    for (const problem of problems) report(problem);
  },
};

function checkCpu(cpu: XmlElement, arch: string, problems: Problem[]): void {
  const modeAttribute = attribute(cpu, 'mode');
  const mode = modeAttribute?.value ?? 'custom';
  const passthrough = PASSTHROUGH_MODES.has(mode);
  const cpuModel = textOf(firstChild(cpu, 'model'))?.length ? firstChild(cpu, 'model') : undefined;

  const migratable = attribute(cpu, 'migratable');
  if (migratable && (migratable.value === 'on' || migratable.value === 'off') && !passthrough)
    problems.push({
      ...valueSpan(migratable),
      message: refused(M.migratableWithMode({ mode }), "Attribute migratable is only allowed for 'host-passthrough' / 'maximum' CPU mode"),
      fixes: (context) => [{ title: M.removeMigratable(), edits: [removeAttribute(cpu, migratable, context)], preferred: true }],
    });

  const vendor = firstChild(cpu, 'vendor');
  if (vendor && textOf(vendor)?.length && !cpuModel)
    problems.push({ ...nameSpan(vendor), message: refused(M.vendorWithoutModel(), 'CPU vendor specified without CPU model') });

  const features = childrenNamed(cpu, 'feature');
  if (features.length > 0 && !cpuModel && mode === 'custom')
    problems.push({
      ...nameSpan(features[0]!),
      message: refused(M.featureWithoutModel(), 'Non-empty feature list specified without CPU model'),
    });
  const named = new Set<string>();
  for (const feature of features) {
    const name = attribute(feature, 'name');
    if (!name?.value) continue;
    if (named.has(name.value))
      problems.push({
        ...valueSpan(name),
        message: refused(M.featureTwice({ name: name.value }), `CPU feature '${name.value}' specified more than once`),
      });
    named.add(name.value);
  }

  const caches = childrenNamed(cpu, 'cache');
  for (const extra of caches.slice(1))
    problems.push({ ...nameSpan(extra), message: refused(M.secondCache(), 'at most one CPU cache element may be specified') });

  const maxphysaddr = firstChild(cpu, 'maxphysaddr');
  const addrMode = maxphysaddr && attribute(maxphysaddr, 'mode');
  if (maxphysaddr && (addrMode?.value === 'passthrough' || addrMode?.value === 'emulate')) {
    const bits = attribute(maxphysaddr, 'bits');
    if (!X86_ARCHES.has(arch))
      problems.push({
        ...nameSpan(maxphysaddr),
        message: refused(
          M.maxphysaddrOutsideX86({ arch }),
          `CPU maximum physical address bits specification is not supported for '${arch}' architecture`,
        ),
      });
    else if (addrMode.value === 'passthrough' && bits)
      problems.push({
        ...valueSpan(bits),
        message: refused(
          M.bitsWithPassthrough(),
          "CPU maximum physical address bits number specification cannot be used with mode='passthrough'",
        ),
        fixes: (context) => [
          { title: M.removeBits(), edits: [removeAttribute(maxphysaddr, bits, context)], preferred: true },
          { title: M.changeToEmulate(), edits: [setAttribute(maxphysaddr, 'mode', 'emulate', context)] },
        ],
      });
    else if (addrMode.value === 'emulate' && !bits)
      problems.push({
        ...valueSpan(addrMode),
        message: refused(M.emulateWithoutBits(), "if using CPU maximum physical address mode='emulate', bits= must be specified too"),
      });
  }

  const cache = caches[0];
  const cacheMode = cache && attribute(cache, 'mode');
  const level = cache && attributeValue(cache, 'level');
  if (
    cache &&
    cacheMode &&
    ['emulate', 'passthrough', 'disable'].includes(cacheMode.value) &&
    (level === undefined || /^[123]$/.test(level))
  ) {
    if (!X86_ARCHES.has(arch))
      problems.push({
        ...nameSpan(cache),
        message: refused(M.cacheOutsideX86({ arch }), `CPU cache specification is not supported for '${arch}' architecture`),
      });
    else if (cacheMode.value === 'emulate' && level !== '3')
      problems.push({
        ...(level === undefined ? valueSpan(cacheMode) : valueSpan(attribute(cache, 'level')!)),
        message: refused(
          level === undefined ? M.emulatedCacheWithoutLevel() : M.emulatedCacheLevel({ level }),
          "CPU cache mode 'emulate' can only be used with level='3'",
        ),
        fixes: (context) => [{ title: M.setLevel3(), edits: [setAttribute(cache, 'level', '3', context)], preferred: true }],
      });
    else if (cacheMode.value === 'passthrough' && !passthrough)
      problems.push({
        ...valueSpan(cacheMode),
        message: refused(
          M.hostCacheWithMode({ mode }),
          "CPU cache mode 'passthrough' can only be used with 'host-passthrough' / 'maximum' CPUs",
        ),
      });
    else if (cacheMode.value !== 'emulate' && level !== undefined)
      problems.push({
        ...valueSpan(attribute(cache, 'level')!),
        message: refused(M.levelWithCacheMode({ mode: cacheMode.value }), `unsupported CPU cache level for mode '${cacheMode.value}'`),
        fixes: (context) => [
          { title: M.removeLevel(), edits: [removeAttribute(cache, attribute(cache, 'level')!, context)], preferred: true },
        ],
      });
  }
}

interface VcpuState {
  online: boolean;
  hotpluggable: 'yes' | 'no' | undefined;
  order: number;
}

function checkVcpus({ model }: RuleContext, arch: string, problems: Problem[]): void {
  const vcpu = model.vcpu;
  const max = maxVcpus(model);
  if (max === undefined || max === 0) return;
  const vcpusElement = firstChild(model.root, 'vcpus');
  const entries = childrenNamed(vcpusElement, 'vcpu');

  if (X86_ARCHES.has(arch) && max > MAX_VCPUS_WITHOUT_EIM && model.os.machineFamily === 'q35' && vcpu) {
    const iommu = devicesOfKind(model, 'iommu')[0];
    if (attributeValue(iommu && firstChild(iommu.element, 'driver'), 'eim') !== 'on')
      problems.push({
        ...(vcpu.element.textStart >= 0 ? { start: vcpu.element.textStart, end: vcpu.element.textEnd } : nameSpan(vcpu.element)),
        message: refused(
          M.manyVcpusWithoutEim({ count: max }),
          `more than ${MAX_VCPUS_WITHOUT_EIM} vCPUs require extended interrupt mode enabled on the iommu device`,
        ),
      });
  }

  if (max > MAX_SIMULATED_VCPUS) return;
  const states: VcpuState[] = [];
  const where = new Map<number, XmlElement>();
  if (entries.length > 0) {
    for (let i = 0; i < max; i++) states.push({ online: false, hotpluggable: undefined, order: 0 });
    for (const entry of entries) {
      const idAttribute = attribute(entry, 'id');
      const id = idAttribute && /^\s*\d+$/.test(idAttribute.value) ? Number(idAttribute.value) : undefined;
      const enabled = attributeValue(entry, 'enabled');
      const hotpluggable = attributeValue(entry, 'hotpluggable');
      const order = attributeValue(entry, 'order');
      if (id === undefined) return;
      if (id >= max) {
        problems.push({
          ...valueSpan(idAttribute!),
          message: refused(M.vcpuIdOutOfRange({ id, max, last: max - 1 }), `vcpu id '${id}' is out of range of maximum vcpu count`),
        });
        return;
      }
      // Values libvirt cannot read stop it before these checks (the schema and enum rules say so).
      if ((enabled !== 'yes' && enabled !== 'no') || (hotpluggable !== undefined && hotpluggable !== 'yes' && hotpluggable !== 'no'))
        return;
      if (order !== undefined && !/^\s*\d+$/.test(order)) return;
      states[id] = { online: enabled === 'yes', hotpluggable, order: order === undefined ? 0 : Number(order) };
      where.set(id, entry);
    }
  } else {
    const current = vcpu?.current ?? max;
    if (vcpu && attributeValue(vcpu.element, 'current') !== undefined && vcpu.current === undefined) return;
    if (current > max) return; // vcpu-current-exceeds
    for (let i = 0; i < max; i++) states.push({ online: i < current, hotpluggable: undefined, order: 0 });
  }
  const at = (id: number): { start: number; end: number } => {
    const entry = where.get(id);
    if (entry) return nameSpan(entry);
    const current = vcpu && attribute(vcpu.element, 'current');
    return current ? valueSpan(current) : nameSpan(vcpu?.element ?? model.root);
  };
  const first = states[0]!;
  if (!first.online) {
    problems.push({ ...at(0), message: refused(M.vcpu0Offline(), "vcpu 0 can't be offline") });
    return;
  }
  if (first.hotpluggable === 'yes') {
    problems.push({ ...at(0), message: refused(M.vcpu0Hotpluggable(), "vcpu0 can't be hotpluggable") });
    return;
  }
  if (first.order !== 0 && first.order !== 1) {
    problems.push({ ...at(0), message: refused(M.vcpu0Order({ order: first.order }), 'vcpu0 must be enabled first') });
    return;
  }
  const ordered = first.order !== 0;
  for (let i = 1; i < states.length; i++) {
    const state = states[i]!;
    const previous = states[i - 1]!;
    if (state.online && (state.order !== 0) !== ordered) {
      problems.push({
        ...at(i),
        message: refused(
          ordered ? M.vcpuWithoutOrder({ id: i }) : M.vcpuWithOrder({ id: i }),
          'all vcpus must have either set or unset order',
        ),
      });
      return;
    }
    if (state.hotpluggable === 'no') {
      if (previous.hotpluggable === 'yes') {
        problems.push({
          ...at(i),
          message: refused(
            M.hotpluggableBefore({ id: i, previous: i - 1 }),
            'online non-hotpluggable vcpus need to be ordered prior to hotplugable vcpus',
          ),
        });
        return;
      }
      if (previous.order > state.order) {
        problems.push({
          ...at(i),
          message: refused(
            M.orderDescending({ id: i, order: state.order, previous: i - 1, previousOrder: previous.order }),
            'online non-hotpluggable vcpus must be ordered in ascending order',
          ),
        });
        return;
      }
    }
  }
  const stuck = states.findIndex((state) => !state.online && state.hotpluggable === 'no');
  if (stuck >= 0)
    problems.push({
      ...at(stuck),
      message: refused(M.offlineNotHotpluggable({ id: stuck }), `vcpu '${stuck}' is both offline and not hotpluggable`),
    });
}
