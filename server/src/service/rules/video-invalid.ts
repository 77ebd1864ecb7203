import { messages, type Text } from '../../l10n/message';
import { removeAttribute, removeElement, replaceAttributeValue } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import type { Device, DomainModel } from '../model/domainModel';
import { devicesOfKind } from '../model/domainModel';
import { parseDecimal } from '../model/pciAddress';
import { refusedAtDefine as refused } from '../refusals';
import type { XmlAttribute, XmlElement } from '../xml/xmlTree';
import { attribute, attributeValue, firstChild, nameSpan, valueSpan } from '../xml/xmlTree';
import type { Problem, Rule } from './rule';

const M = messages('video-invalid', {
  noneBesideOther: "<model type='none'> beside another video device",
  removeThisVideo: 'Remove this video device',
  removeAcceleration: 'Remove <acceleration>',
  removeAttribute: 'Remove {name}=',
  vhostuserOnModel: 'The vhostuser driver on a {model} video device',
  changeToVirtio: "Change to 'virtio'",
  rendernodeWithoutVhostuser:
    "A rendernode for the video device without <driver name='vhostuser'/> (QEMU's own GPU takes it from <graphics><gl>)",
  resolutionZero: "A resolution with {axis}='0'",
  removeResolution: 'Remove the resolution',
  qxlOnlyAttribute: '{name}= on a {type} video device (only qxl has it)',
  qxlOnlyAttributeNoModel: '{name}= on a non-qxl video device (only qxl has it)',
  ramfbAddress: 'An address on a ramfb video device (it is not a PCI device)',
  removeAddress: 'Remove the address',
  multipleHeads: "heads='{heads}' on a {type} video device (only qxl and virtio have several)",
  changeToOneHead: "Change to heads='1'",
  accel2d: "accel2d='yes' (QEMU has no 2D acceleration setting)",
  resolutionUnsupported: 'A <resolution> on a {type} video device (only vga, qxl, virtio and bochs take one)',
  vramTooSmall: "vram='{vram}' KiB on a {type} video device",
  changeToVram: "Change to vram='{value}'",
  accel3d: '3D acceleration on a {type} video device (only virtio has it)',
  qxlMemoryTooLarge: "{name}='{value}' KiB on a qxl video device (rounded up to a power of two, it exceeds 4 GiB)",
  vgamemTooSmall: "vgamem='{value}' KiB on a qxl video device",
  changeToVgamem: "Change to vgamem='{value}'",
  vgamemNotPowerOfTwo: "vgamem='{value}' KiB on a qxl video device is not a power of two",
});

/** libvirt's video models: another value is the schema's to explain. */
const KNOWN = new Set(['vga', 'cirrus', 'vmvga', 'xen', 'vbox', 'qxl', 'parallels', 'virtio', 'gop', 'none', 'bochs', 'ramfb']);
/** The models QEMU has (the others are refused before their settings are looked at). */
const QEMU_MODELS = new Set(['vga', 'cirrus', 'vmvga', 'qxl', 'virtio', 'bochs', 'ramfb']);
/** The models that may have several heads (and be a secondary display). */
const MULTI_HEAD = new Set(['qxl', 'virtio']);
/** The models QEMU can give a fixed <resolution>. */
const RESOLUTION = new Set(['vga', 'qxl', 'virtio', 'bochs']);
/** The largest qxl ram / vram libvirt passes to QEMU (KiB): it rounds up to a power of two first. */
const QXL_MAX = Math.floor(0xffffffff / 1024);

/** The model libvirt gives a <video> without one, when it can tell (qemuDomainDefaultVideoDevice). */
function defaultModel(model: DomainModel): string | undefined {
  const arch = model.os.arch ?? 'x86_64';
  if (arch.startsWith('ppc64')) return 'vga';
  if (arch.startsWith('s390') || (model.os.machineFamily === 'virt' && /^(aarch64|armv[67]l|riscv)/.test(arch))) return 'virtio';
  return undefined;
}

/** libvirt's VIR_ROUND_UP_POWER_OF_TWO, which it applies to ram and vram before checking them. */
function roundUpPowerOfTwo(value: number): number {
  let power = 1;
  while (power < value) power *= 2;
  return power;
}

/** A number of KiB as libvirt reads it (virStrToLong_uip); undefined when unreadable (the schema's to say). */
function kib(attr: XmlAttribute | undefined): number | undefined {
  return attr ? parseDecimal(attr.value) : undefined;
}

export const videoInvalid: Rule = {
  id: 'video-invalid',
  severity: 'error',
  title: "A video device whose settings its model does not take (heads on vga, ram on virtio, 3D on qxl, 'none' beside another)",
  explanation:
    'Only qxl and virtio have several heads; ram, vram64 and vgamem belong to qxl, whose vgamem is a power of two ' +
    "of at least 1024 KiB; vga and vmvga need vram of at least 1 MiB; 3D acceleration is virtio's; a fixed " +
    "<resolution> needs vga, qxl, virtio or bochs; a ramfb has no address; <model type='none'> must be the only " +
    "video device. libvirt refuses the rest at define, each with its message (\"video type 'vga' doesn't support " +
    'multiple \'heads\'", "ram attribute only supported for video type qxl"…).',
  docs: DOCS.video,
  check({ model, report }) {
    if (model.type?.value !== 'kvm' && model.type?.value !== 'qemu') return;
    const videos = devicesOfKind(model, 'video');
    if (videos.length === 0) return;
    const problems: Problem[] = [];
    const fallback = defaultModel(model);
    for (const video of videos) {
      const modelElement = video.model;
      const typeAttribute = modelElement && attribute(modelElement, 'type');
      const type = typeAttribute?.value || undefined;
      if (type && !KNOWN.has(type)) continue;
      if (type === 'none') {
        if (videos.length > 1)
          problems.push({
            ...valueSpan(typeAttribute!),
            message: refused(M.noneBesideOther(), "a 'none' video type must be the only video device defined for the domain"),
            fixes: (context) => [{ title: M.removeThisVideo(), edits: [removeElement(video.element, context)], preferred: true }],
          });
        continue;
      }
      checkVideo(video, modelElement, type, type ?? fallback, problems);
    }
    problems.sort((a, b) => a.start - b.start);
    for (const problem of problems) report(problem);
  },
};

function checkVideo(
  video: Device,
  modelElement: XmlElement | undefined,
  written: string | undefined,
  type: string | undefined,
  problems: Problem[],
) {
  const backend = attributeValue(video.driver, 'name');
  const acceleration = firstChild(modelElement, 'acceleration');
  const resolution = firstChild(modelElement, 'resolution');
  const remove =
    (element: XmlElement, attr: XmlAttribute, title: Text): Problem['fixes'] =>
    (context) => [
      // An <acceleration> left without attributes is refused too ("missing values for acceleration").
      element.name === 'acceleration' && element.attributes.length === 1
        ? { title: M.removeAcceleration(), edits: [removeElement(element, context)], preferred: true }
        : { title, edits: [removeAttribute(element, attr, context)], preferred: true },
    ];

  // virDomainVideoDefValidate (any driver).
  if (backend === 'vhostuser' && written !== undefined && written !== 'virtio')
    problems.push({
      ...valueSpan(attribute(video.driver!, 'name')!),
      message: refused(M.vhostuserOnModel({ model: written }), "'vhostuser' driver is only supported with 'virtio' device"),
      fixes: (context) => [
        {
          title: M.changeToVirtio(),
          edits: [replaceAttributeValue(attribute(modelElement!, 'type')!, 'virtio', context)],
          preferred: true,
        },
      ],
    });
  const rendernode = acceleration && attribute(acceleration, 'rendernode');
  if (rendernode && backend !== 'vhostuser')
    problems.push({
      ...valueSpan(rendernode),
      message: refused(M.rendernodeWithoutVhostuser(), "unsupported rendernode accel attribute without 'vhostuser'"),
      fixes: remove(acceleration!, rendernode, M.removeAttribute({ name: 'rendernode' })),
    });
  if (resolution) {
    for (const axis of ['x', 'y']) {
      const attr = attribute(resolution, axis);
      if (attr && parseDecimal(attr.value) === 0) {
        problems.push({
          ...valueSpan(attr),
          message: refused(M.resolutionZero({ axis }), 'video resolution values must be greater than 0'),
          fixes: (context) => [{ title: M.removeResolution(), edits: [removeElement(resolution, context)], preferred: true }],
        });
        break;
      }
    }
  }
  if (modelElement && type !== 'qxl') {
    for (const name of ['ram', 'vram64', 'vgamem']) {
      const attr = attribute(modelElement, name);
      if (!attr || !kib(attr)) continue;
      problems.push({
        ...valueSpan(attr),
        message: refused(
          type ? M.qxlOnlyAttribute({ name, type }) : M.qxlOnlyAttributeNoModel({ name }),
          `${name} attribute only supported for video type qxl`,
        ),
        fixes: remove(modelElement, attr, M.removeAttribute({ name })),
      });
      break;
    }
  }
  if (type === 'ramfb' && video.address)
    problems.push({
      ...nameSpan(video.address.element),
      message: refused(M.ramfbAddress(), 'address not supported for video type ramfb'),
      fixes: (context) => [{ title: M.removeAddress(), edits: [removeElement(video.address!.element, context)], preferred: true }],
    });

  // qemuValidateDomainDeviceDefVideo, for the models this QEMU has.
  if (type && !QEMU_MODELS.has(type)) return;
  const heads = modelElement && attribute(modelElement, 'heads');
  if (heads && type && !MULTI_HEAD.has(type) && parseDecimal(heads.value) !== undefined && parseDecimal(heads.value) !== 1)
    problems.push({
      ...valueSpan(heads),
      message: refused(M.multipleHeads({ heads: heads.value, type }), `video type '${type}' doesn't support multiple 'heads'`),
      fixes: (context) => [
        { title: M.changeToOneHead(), edits: [replaceAttributeValue(heads, '1', context)], preferred: parseDecimal(heads.value) === 0 },
        ...(written && parseDecimal(heads.value)! > 1
          ? [
              {
                title: M.changeToVirtio(),
                edits: [replaceAttributeValue(attribute(modelElement!, 'type')!, 'virtio', context)],
                preferred: true,
              },
            ]
          : []),
      ],
    });
  const accel2d = acceleration && attribute(acceleration, 'accel2d');
  if (accel2d?.value === 'yes')
    problems.push({
      ...valueSpan(accel2d),
      message: refused(M.accel2d(), 'qemu does not support the accel2d setting'),
      fixes: remove(acceleration!, accel2d, M.removeAttribute({ name: 'accel2d' })),
    });
  if (type === 'qxl' && modelElement) checkQxl(modelElement, problems);
  if (resolution && type && !RESOLUTION.has(type))
    problems.push({
      ...nameSpan(resolution),
      message: refused(M.resolutionUnsupported({ type }), 'model resolution is not supported'),
      fixes: (context) => [{ title: M.removeResolution(), edits: [removeElement(resolution, context)], preferred: true }],
    });
  const vram = modelElement && attribute(modelElement, 'vram');
  const vramKib = kib(vram);
  if ((type === 'vga' || type === 'vmvga') && vramKib && roundUpPowerOfTwo(vramKib) < 1024)
    problems.push({
      ...valueSpan(vram!),
      message: refused(M.vramTooSmall({ vram: vram!.value, type }), "value for 'vram' must be at least 1 MiB (1024 KiB)"),
      fixes: (context) => [
        { title: M.changeToVram({ value: '16384' }), edits: [replaceAttributeValue(vram!, '16384', context)], preferred: true },
      ],
    });
  const accel3d = acceleration && attribute(acceleration, 'accel3d');
  if (accel3d?.value === 'yes' && backend !== 'vhostuser' && type && type !== 'virtio')
    problems.push({
      ...valueSpan(accel3d),
      message: refused(M.accel3d({ type }), "3d acceleration is supported only with 'virtio' video device"),
      fixes: written
        ? (context) => [
            {
              title: M.changeToVirtio(),
              edits: [replaceAttributeValue(attribute(modelElement!, 'type')!, 'virtio', context)],
              preferred: true,
            },
          ]
        : undefined,
    });
}

function checkQxl(modelElement: XmlElement, problems: Problem[]) {
  for (const name of ['vram', 'ram']) {
    const attr = attribute(modelElement, name);
    const value = kib(attr);
    if (value && roundUpPowerOfTwo(value) > QXL_MAX)
      problems.push({
        ...valueSpan(attr!),
        message: refused(M.qxlMemoryTooLarge({ name, value: attr!.value }), `value for '${name}' must be less than '${QXL_MAX}'`),
      });
  }
  const vgamem = attribute(modelElement, 'vgamem');
  const value = kib(vgamem);
  if (!value) return;
  if (value < 1024)
    problems.push({
      ...valueSpan(vgamem!),
      message: refused(M.vgamemTooSmall({ value: vgamem!.value }), "value for 'vgamem' must be at least 1 MiB (1024 KiB)"),
      fixes: (context) => [
        { title: M.changeToVgamem({ value: '16384' }), edits: [replaceAttributeValue(vgamem!, '16384', context)], preferred: true },
      ],
    });
  else if (roundUpPowerOfTwo(value) !== value) {
    const up = String(roundUpPowerOfTwo(value));
    problems.push({
      ...valueSpan(vgamem!),
      message: refused(M.vgamemNotPowerOfTwo({ value: vgamem!.value }), "value for 'vgamem' must be power of two"),
      fixes: (context) => [
        { title: M.changeToVgamem({ value: up }), edits: [replaceAttributeValue(vgamem!, up, context)], preferred: true },
      ],
    });
  }
}
