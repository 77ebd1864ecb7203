import { messages } from '../../../l10n/message';
import { removeAttribute, removeElement } from '../../edits/xmlEdits';
import type { DocumentFixContext } from '../../languageTypes';
import { NETWORK_DOCS } from '../../libvirtDocs';
import { readPciAddress } from '../../model/domainModel';
import { formatPciAddress } from '../../model/pciAddress';
import type { Problem, Rule } from '../../rules/rule';
import { attribute, attributeValue, childrenNamed, firstChild, nameSpan, valueSpan, type XmlElement } from '../../xml/xmlTree';
import { networkName, refusedAtDefine } from '../networkMessages';
import type { NetworkModel } from '../networkModel';

/** Modes whose guests connect to something other than a libvirt-made bridge (macvtap, SR-IOV). */
const DIRECT_MODES = new Set(['private', 'vepa', 'passthrough', 'hostdev']);
/** Modes whose guests get no addresses from libvirt: no <ip>, <mac>, <domain>, DNS records. */
const UNADDRESSED_MODES = new Set(['bridge', ...DIRECT_MODES]);

type NetworkProblem = Problem<DocumentFixContext>;

const M = messages('network-forward-mode-mismatch', {
  elementInMode: "<{element}> in a network with forward mode='{mode}'",
  noIp: 'A {mode} network without an <ip>',
  secondInterface: 'A second forward <interface> in a {mode} network',
  deviceInOpen: 'A forward device in an open network',
  devNotFirst: "dev='{dev}' is not the first <interface>",
  interfaceTwice: 'The interface {device} listed twice',
  pciDeviceTwice: 'The PCI device {address} listed twice',
  secondPf: 'A second <pf>',
  mtuInMode: '<mtu> in a {mode} network',
  deviceNameInHostdev: 'A network device name in a hostdev network',
  pciAddressInMode: "A PCI address in a network with forward mode='{mode}'",
  bridgeNameInMode: 'A bridge name in {mode} mode',
  macTableManagerInMode: 'macTableManager= in {mode} mode',
  optionOnBridge: '{option}= on the bridge of a {mode} network',
  bridgeNameWithDevices: 'A bridge name together with forward devices',
  removeElement: 'Remove <{element}>',
  removeRepeated: 'Remove the repeated <{element}>',
  removeAttribute: 'Remove {attribute}=',
});

export const networkForwardModeMismatch: Rule<NetworkModel, DocumentFixContext> = {
  id: 'network-forward-mode-mismatch',
  severity: 'error',
  title: "Elements that don't go with the network's forward mode",
  explanation:
    "libvirt refuses a network whose parts contradict its <forward mode>: <nat> outside mode='nat'; nat, route or open " +
    'without an <ip>; more than one forward interface for nat or route, or any for open; <ip>, <mac>, <domain> and DNS ' +
    'records in bridge, macvtap and hostdev modes (the guests are not on a libvirt bridge); a bridge name, stp=, delay=, ' +
    'zone= or macTableManager= where there is no libvirt bridge; <mtu> outside open, route, nat and isolated networks; ' +
    'a bridge name together with forward devices; a forward dev= that is not the first <interface>; a second <pf>.',
  docs: NETWORK_DOCS.connectivity,
  check({ model, report }) {
    const forward = model.forward;
    const mode = model.forwardMode;
    if (!forward || !mode) return;
    const name = networkName(model);
    const problems: NetworkProblem[] = [];
    const add = (problem: NetworkProblem | undefined) => problem && problems.push(problem);
    const nat = firstChild(forward, 'nat');
    if (nat && mode !== 'nat')
      add({
        ...nameSpan(nat),
        message: refusedAtDefine(
          M.elementInMode({ element: 'nat', mode }),
          `The <nat> element can only be used when <forward> 'mode' is 'nat' in network ${name}`,
        ),
        fixes: (context) => [{ title: M.removeElement({ element: 'nat' }), edits: [removeElement(nat, context)], preferred: true }],
      });
    const interfaces = childrenNamed(forward, 'interface');
    const dev = attribute(forward, 'dev');
    if (mode === 'nat' || mode === 'route' || mode === 'open') {
      if (model.ips.length === 0)
        add({
          ...nameSpan(forward),
          message: refusedAtDefine(M.noIp({ mode }), `${mode} forwarding requested, but no IP address provided for network '${name}'`),
        });
      const devices = interfaces.length || (dev ? 1 : 0);
      if (interfaces.length > 1 && mode !== 'open')
        add({
          ...nameSpan(interfaces[1]!),
          message: refusedAtDefine(
            M.secondInterface({ mode }),
            `multiple forwarding interfaces specified for network '${name}', only one is supported`,
          ),
        });
      else if (mode === 'open' && devices > 0)
        add({
          ...(dev ? valueSpan(dev) : nameSpan(interfaces[0]!)),
          message: refusedAtDefine(M.deviceInOpen(), `forward dev not allowed for network '${name}' with forward mode='open'`),
          fixes: dev
            ? (context) => [
                { title: M.removeAttribute({ attribute: 'dev' }), edits: [removeAttribute(forward, dev, context)], preferred: true },
              ]
            : undefined,
        });
    }
    if (dev && interfaces[0] && attributeValue(interfaces[0], 'dev') && attributeValue(interfaces[0], 'dev') !== dev.value)
      add({
        ...valueSpan(dev),
        message: refusedAtDefine(
          M.devNotFirst({ dev: dev.value }),
          `<forward dev='${dev.value}'> must match first <interface dev='${attributeValue(interfaces[0], 'dev')}'/> in network ${name}`,
        ),
      });
    const seen = new Set<string>();
    for (const iface of interfaces) {
      const device = attributeValue(iface, 'dev');
      if (device && seen.has(device))
        add({
          ...nameSpan(iface),
          message: refusedAtDefine(M.interfaceTwice({ device }), `interface '${device}' can only be listed once in network ${name}`),
          fixes: (context) => [
            { title: M.removeRepeated({ element: 'interface' }), edits: [removeElement(iface, context)], preferred: true },
          ],
        });
      if (device) seen.add(device);
    }
    const addresses = new Set<string>();
    for (const address of childrenNamed(forward, 'address').filter((a) => attributeValue(a, 'type') === 'pci')) {
      const pci = readPciAddress(address);
      if (!pci) continue;
      const key = formatPciAddress(pci);
      if (addresses.has(key))
        add({
          ...nameSpan(address),
          message: refusedAtDefine(M.pciDeviceTwice({ address: key }), `PCI device '${key}' can only be listed once in network ${name}`),
          fixes: (context) => [
            { title: M.removeRepeated({ element: 'address' }), edits: [removeElement(address, context)], preferred: true },
          ],
        });
      addresses.add(key);
    }
    const pfs = childrenNamed(forward, 'pf');
    if (pfs.length > 1 && interfaces.length === 0)
      add({
        ...nameSpan(pfs[1]!),
        message: refusedAtDefine(M.secondPf(), `Only one <pf> element is allowed in <forward> of network ${name}`),
      });
    const bridge = model.bridge;
    if (bridge && (mode === 'bridge' || DIRECT_MODES.has(mode))) checkBridge(bridge, mode, name, interfaces.length + pfs.length, add);
    const mtu = firstChild(model.root, 'mtu');
    if (mtu && attributeValue(mtu, 'size') && attributeValue(mtu, 'size') !== '0' && UNADDRESSED_MODES.has(mode))
      add({
        ...nameSpan(mtu),
        message: refusedAtDefine(
          M.mtuInMode({ mode }),
          `mtu size only allowed in open, route, nat, and isolated mode, not in ${mode} (network '${name}')`,
        ),
        fixes: (context) => [{ title: M.removeElement({ element: 'mtu' }), edits: [removeElement(mtu, context)], preferred: true }],
      });
    if (UNADDRESSED_MODES.has(mode)) {
      const mac = firstChild(model.root, 'mac');
      const domain = firstChild(model.root, 'domain');
      const dns = firstChild(model.root, 'dns');
      const records = dns?.children.find((child) => child.name === 'host' || child.name === 'txt' || child.name === 'srv');
      const unsupported = (element: XmlElement | undefined, what: string) =>
        element &&
        add({
          ...nameSpan(element),
          message: refusedAtDefine(
            M.elementInMode({ element: what, mode }),
            `Unsupported <${what}> element in network ${name} with forward mode='${mode}'`,
          ),
          fixes: (context) => [{ title: M.removeElement({ element: element.name }), edits: [removeElement(element, context)] }],
        });
      // libvirt's driver checks them in this order (networkValidate) and reports the first.
      unsupported(mac, 'mac');
      unsupported(model.ips[0]?.element, 'ip');
      unsupported(records && dns, 'dns');
      unsupported(domain, 'domain');
    }
    if (mode === 'hostdev')
      for (const iface of interfaces)
        add({
          ...nameSpan(iface),
          message: refusedAtDefine(
            M.deviceNameInHostdev(),
            `hostdev network '${name}' lists '${attributeValue(iface, 'dev') ?? ''}' in the device pool, but hostdev networks require all devices to be listed by PCI address, not network device name`,
          ),
        });
    else if (interfaces.length === 0)
      for (const address of childrenNamed(forward, 'address').filter((a) => attributeValue(a, 'type') === 'pci'))
        add({
          ...nameSpan(address),
          message: refusedAtDefine(
            M.pciAddressInMode({ mode }),
            `network '${name}' has forward mode '${mode}'  but lists a device by PCI address in the device pool. This is only supported for networks with forward mode 'hostdev'`,
          ),
        });
    problems.sort((a, b) => a.start - b.start);
    for (const problem of problems) report(problem);
  },
};

function checkBridge(bridge: XmlElement, mode: string, name: string, forwardDevices: number, add: (problem: NetworkProblem) => void): void {
  const bridgeName = attribute(bridge, 'name');
  const direct = DIRECT_MODES.has(mode);
  if (direct && bridgeName?.value) {
    add({
      ...valueSpan(bridgeName),
      message: refusedAtDefine(M.bridgeNameInMode({ mode }), `bridge name not allowed in ${mode} mode (network '${name}')`),
      fixes: (context) => [{ title: M.removeElement({ element: 'bridge' }), edits: [removeElement(bridge, context)], preferred: true }],
    });
    return;
  }
  const macTableManager = attribute(bridge, 'macTableManager');
  if (direct && macTableManager) {
    add({
      ...valueSpan(macTableManager),
      message: refusedAtDefine(
        M.macTableManagerInMode({ mode }),
        `bridge macTableManager setting not allowed in ${mode} mode (network '${name}')`,
      ),
    });
    return;
  }
  const option = ['stp', 'delay', 'zone']
    .map((attributeName) => attribute(bridge, attributeName))
    .find((attr) => attr && !(attr.name === 'delay' && /^0*$/.test(attr.value.trim())));
  if (option) {
    add({
      ...valueSpan(option),
      message: refusedAtDefine(
        M.optionOnBridge({ option: option.name, mode }),
        `bridge delay/stp/zone options only allowed in route, nat, and isolated mode, not in ${mode} (network '${name}')`,
      ),
      fixes: (context) => [
        { title: M.removeAttribute({ attribute: option.name }), edits: [removeAttribute(bridge, option, context)], preferred: true },
      ],
    });
    return;
  }
  if (mode === 'bridge' && bridgeName?.value && forwardDevices > 0)
    add({
      ...valueSpan(bridgeName),
      message: refusedAtDefine(
        M.bridgeNameWithDevices(),
        `A network with forward mode='bridge' can specify a bridge name or a forward dev, but not both (network '${name}')`,
      ),
    });
}
