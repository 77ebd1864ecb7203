import { messages } from '../../l10n/message';
import { removeAttribute, replaceAttributeValue, setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import type { Device } from '../model/domainModel';
import { devicesOfKind } from '../model/domainModel';
import { refusedAtDefine as refused } from '../refusals';
import { attribute, attributeValue, childrenNamed, firstChild, nameSpan, valueSpan } from '../xml/xmlTree';
import type { Problem, Rule } from './rule';

const M = messages('graphics-invalid', {
  dbusP2pAddress: "A D-Bus display with p2p='yes' and an address",
  removeAttribute: 'Remove {name}=',
  besideEglHeadless: '{type} graphics beside egl-headless (which pairs with VNC or SPICE only)',
  changeToVnc: "Change to 'vnc'",
  spiceGlBesideEglHeadless: "SPICE's <gl enable='yes'/> beside egl-headless (two OpenGL displays)",
  changeToEnableNo: "Change to enable='no'",
  compatDiffers: "<graphics {name}='{value}'> and its first <listen {kind}='{own}'> differ",
  removeFromGraphics: 'Remove {name}= from <graphics>',
  networkOnListen: "network= on a <listen type='{type}'>",
  socketOnListen: "socket= on a <listen type='{type}'>",
  changeToType: "Change to type='{type}'",
  networkListenWithoutNetwork: "A <listen type='network'> without the network it listens on",
  listenOnDefault: "Listen on network 'default'",
  vncPasswordTooLong: 'A VNC password of {bytes} characters (VNC takes 8)',
  vncConnected: "connected='{value}' on VNC graphics (VNC keeps connected clients)",
  changeToConnectedKeep: "Change to connected='keep'",
});

/** The graphics types whose <listen> elements libvirt reads. */
const LISTENING = new Set(['vnc', 'spice', 'rdp']);
/** The displays QEMU can pair with egl-headless. */
const WITH_EGL_HEADLESS = new Set(['vnc', 'spice', 'egl-headless']);

export const graphicsInvalid: Rule = {
  id: 'graphics-invalid',
  severity: 'error',
  title: 'A graphics device whose listen, password or OpenGL settings libvirt refuses',
  explanation:
    "A <listen> takes the attribute of its own type only (network= for type='network', which needs it, socket= for " +
    "type='socket'), and the old listen= / socket= attributes of <graphics> must say what its first <listen> says. " +
    "A VNC password has at most 8 characters and VNC keeps connected clients only (connected='keep'). egl-headless " +
    "goes with VNC or SPICE only, and not with SPICE's own <gl enable='yes'/> (one OpenGL display); D-Bus p2p takes " +
    'no address. libvirt refuses the rest at define ("VNC password is 12 characters long, only 8 permitted"…).',
  docs: DOCS.graphics,
  check({ model, report }) {
    if (model.type?.value !== 'kvm' && model.type?.value !== 'qemu') return;
    const graphics = devicesOfKind(model, 'graphics');
    if (graphics.length === 0) return;
    const problems: Problem[] = [];
    const eglHeadless = graphics.some((device) => device.type === 'egl-headless');
    for (const device of graphics) {
      const type = device.type;
      if (type && LISTENING.has(type)) checkListens(device, problems);
      if (type === 'vnc') checkVncAuth(device, problems);
      if (type === 'dbus' && attributeValue(device.element, 'p2p') === 'yes') {
        const address = attribute(device.element, 'address');
        if (address)
          problems.push({
            ...valueSpan(address),
            message: refused(M.dbusP2pAddress(), 'D-Bus p2p with an address is not supported'),
            fixes: (context) => [
              {
                title: M.removeAttribute({ name: 'address' }),
                edits: [removeAttribute(device.element, address, context)],
                preferred: true,
              },
            ],
          });
      }
      if (!eglHeadless || !type) continue;
      const typeAttribute = attribute(device.element, 'type')!;
      if (!WITH_EGL_HEADLESS.has(type))
        problems.push({
          ...valueSpan(typeAttribute),
          message: refused(
            M.besideEglHeadless({ type }),
            "graphics type 'egl-headless' is only supported with one of: 'vnc', 'spice' graphics types",
          ),
          fixes: (context) => [{ title: M.changeToVnc(), edits: [replaceAttributeValue(typeAttribute, 'vnc', context)], preferred: true }],
        });
      const gl = type === 'spice' ? firstChild(device.element, 'gl') : undefined;
      const enable = gl && attribute(gl, 'enable');
      if (enable?.value === 'yes')
        problems.push({
          ...valueSpan(enable),
          message: refused(M.spiceGlBesideEglHeadless(), 'multiple OpenGL displays are not supported by QEMU'),
          fixes: (context) => [{ title: M.changeToEnableNo(), edits: [replaceAttributeValue(enable, 'no', context)], preferred: true }],
        });
    }
    problems.sort((a, b) => a.start - b.start);
    for (const problem of problems) report(problem);
  },
};

function checkListens(device: Device, problems: Problem[]): void {
  const graphics = device.element;
  const listens = childrenNamed(graphics, 'listen');
  const first = listens[0];
  if (first) {
    const firstType = attributeValue(first, 'type');
    for (const [name, kind] of [
      ['listen', 'address'],
      ['socket', 'socket'],
    ] as const) {
      const compat = attribute(graphics, name);
      const own = attribute(first, kind);
      if (firstType === kind && compat && own && compat.value !== own.value)
        problems.push({
          ...valueSpan(compat),
          message: refused(
            M.compatDiffers({ name, value: compat.value, kind, own: own.value }),
            `graphics '${name}' attribute '${compat.value}' must match '${kind}' attribute of first listen element (found '${own.value}')`,
          ),
          fixes: (context) => [
            { title: M.removeFromGraphics({ name }), edits: [removeAttribute(graphics, compat, context)], preferred: true },
          ],
        });
    }
  }
  for (const listen of listens) {
    const type = attributeValue(listen, 'type');
    // Schema-invalid or missing types are the schema's to explain.
    if (type !== 'address' && type !== 'network' && type !== 'socket' && type !== 'none') continue;
    const network = attribute(listen, 'network');
    const socket = attribute(listen, 'socket');
    if (network?.value && type !== 'network')
      problems.push({
        ...valueSpan(network),
        message: refused(M.networkOnListen({ type }), "'network' attribute is valid only for listen type 'network'"),
        fixes: (context) => [
          {
            title: M.changeToType({ type: 'network' }),
            edits: [replaceAttributeValue(attribute(listen, 'type')!, 'network', context)],
            preferred: true,
          },
          { title: M.removeAttribute({ name: 'network' }), edits: [removeAttribute(listen, network, context)] },
        ],
      });
    else if (socket?.value && type !== 'socket')
      problems.push({
        ...valueSpan(socket),
        message: refused(M.socketOnListen({ type }), "'socket' attribute is valid only for listen type 'socket'"),
        fixes: (context) => [
          {
            title: M.changeToType({ type: 'socket' }),
            edits: [replaceAttributeValue(attribute(listen, 'type')!, 'socket', context)],
            preferred: true,
          },
          { title: M.removeAttribute({ name: 'socket' }), edits: [removeAttribute(listen, socket, context)] },
        ],
      });
    else if (type === 'network' && !network?.value)
      problems.push({
        ...(network ? valueSpan(network) : nameSpan(listen)),
        message: refused(M.networkListenWithoutNetwork(), "'network' attribute is required for listen type 'network'"),
        fixes: (context) => [
          {
            title: M.listenOnDefault(),
            edits: [setAttribute(listen, 'network', 'default', context)],
            preferred: true,
          },
        ],
      });
  }
}

function checkVncAuth(device: Device, problems: Problem[]): void {
  const passwd = attribute(device.element, 'passwd');
  if (!passwd) return;
  const bytes = Buffer.byteLength(passwd.value, 'utf8');
  if (bytes > 8)
    problems.push({
      ...valueSpan(passwd),
      message: refused(M.vncPasswordTooLong({ bytes }), `VNC password is ${bytes} characters long, only 8 permitted`),
    });
  const connected = attribute(device.element, 'connected');
  if (connected && (connected.value === 'fail' || connected.value === 'disconnect'))
    problems.push({
      ...valueSpan(connected),
      message: refused(M.vncConnected({ value: connected.value }), "VNC supports connected='keep' only"),
      fixes: (context) => [
        { title: M.changeToConnectedKeep(), edits: [replaceAttributeValue(connected, 'keep', context)], preferred: true },
      ],
    });
}
