import { type Message, messages } from '../../l10n/message';
import { removeAttribute, replaceAttributeValue } from '../edits/xmlEdits';
import type { FixContext } from '../languageTypes';
import { DOCS } from '../libvirtDocs';
import { devicesOfKind } from '../model/domainModel';
import { parseDecimal } from '../model/pciAddress';
import { refusedAtDefine as refused, refusedAtStart } from '../refusals';
import { attribute, attributeValue, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const VIRTIO_MODELS = new Set(['virtio', 'virtio-transitional', 'virtio-non-transitional']);
/** QEMU's virtio-net bounds of a ring (VIRTIO_NET_*_QUEUE_MIN_SIZE, VIRTQUEUE_MAX_SIZE). */
const MIN_SIZE = 256;
const MAX_SIZE = 1024;
/** The backends whose TX ring QEMU lets grow past its default of 256. */
const BIG_TX_BACKENDS = new Set(['vhostuser', 'vdpa']);

const M = messages('nic-queue-size-invalid', {
  onHostdevInterface:
    "{name}= on an <interface type='hostdev'>: libvirt reads it only for a virtio NIC model given in the XML, and drops it on define.",
  onModel: '{name}= on a NIC of model {model}: libvirt reads it only for a virtio NIC model given in the XML, and drops it on define.',
  withoutModel:
    "{name}= on a NIC without <model type='virtio'>: libvirt reads it only for a virtio NIC model given in the XML, and drops it on define.",
  removeAttribute: 'Remove {name}=',
  notNumber: "{name}='{value}' is not a number",
  zero: "{name}='0' means QEMU's default size: libvirt drops it on define.",
  changeTo: 'Change to {size}',
  notPowerOfTwo: "{name}='{value}' is not a power of two",
  outsideRange: "{name}='{size}' is outside QEMU's {min} to {max}",
  txRingOnType:
    "tx_queue_size='{size}' on a type='{type}' interface: QEMU keeps the TX ring at {min} for every backend but vhost-user and vDPA, so the size is not what the guest gets.",
  txRingHere:
    "tx_queue_size='{size}' on this interface: QEMU keeps the TX ring at {min} for every backend but vhost-user and vDPA, so the size is not what the guest gets.",
});

const isPowerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0;

/** The power of two in [MIN_SIZE, max] closest to `n`. */
function nearestSize(n: number, max: number): number {
  let best = MIN_SIZE;
  for (let size = MIN_SIZE; size <= max; size *= 2) if (Math.abs(size - n) < Math.abs(best - n)) best = size;
  return best;
}

export const nicQueueSizeInvalid: Rule = {
  id: 'nic-queue-size-invalid',
  severity: 'error',
  title: "A NIC's rx_queue_size or tx_queue_size libvirt or QEMU refuses, or that a non-virtio NIC drops",
  explanation:
    "<interface><driver rx_queue_size=… tx_queue_size=…> sizes a virtio NIC's rings. libvirt refuses a size that is " +
    'not a power of two ("rx_queue_size has to be a power of two"); QEMU then wants 256 to 1024 and refuses to start ' +
    'otherwise, and it keeps the TX ring at 256 unless the backend is vhost-user or vDPA. libvirt reads these sizes ' +
    "only for <model type='virtio'> (written in the XML: a default model does not count) and drops them elsewhere.",
  docs: DOCS.nicDriver,
  check({ model, report }) {
    if (model.type?.value !== 'kvm' && model.type?.value !== 'qemu') return;
    for (const nic of devicesOfKind(model, 'interface')) {
      const driver = nic.driver;
      if (!driver) continue;
      const nicModel = attributeValue(nic.model, 'type');
      const virtio = nicModel !== undefined && VIRTIO_MODELS.has(nicModel.toLowerCase()) && nic.type !== 'hostdev';
      for (const name of ['rx_queue_size', 'tx_queue_size']) {
        const attr = attribute(driver, name);
        if (!attr) continue;
        const remove = (title: Message) => (context: FixContext) => [
          { title, edits: [removeAttribute(driver, attr, context)], preferred: true },
        ];
        if (!virtio) {
          report({
            ...valueSpan(attr),
            severity: 'warning',
            message:
              nic.type === 'hostdev'
                ? M.onHostdevInterface({ name })
                : nicModel
                  ? M.onModel({ name, model: nicModel })
                  : M.withoutModel({ name }),
            fixes: remove(M.removeAttribute({ name })),
          });
          continue;
        }
        const size = parseDecimal(attr.value);
        if (size === undefined) {
          report({
            ...valueSpan(attr),
            message: refused(
              M.notNumber({ name, value: attr.value }),
              `Invalid value for attribute '${name}' in element 'driver': '${attr.value}'. Expected non-negative integer value`,
            ),
          });
          continue;
        }
        if (size === 0) {
          report({
            ...valueSpan(attr),
            severity: 'warning',
            message: M.zero({ name }),
            fixes: remove(M.removeAttribute({ name })),
          });
          continue;
        }
        const max = name === 'tx_queue_size' && !BIG_TX_BACKENDS.has(nic.type ?? '') ? MIN_SIZE : MAX_SIZE;
        const change = (context: FixContext) => [
          {
            title: M.changeTo({ size: nearestSize(size, max) }),
            edits: [replaceAttributeValue(attr, String(nearestSize(size, max)), context)],
            preferred: true,
          },
        ];
        if (!isPowerOfTwo(size)) {
          report({
            ...valueSpan(attr),
            message: refused(M.notPowerOfTwo({ name, value: attr.value }), `${name} has to be a power of two`),
            fixes: change,
          });
        } else if (size < MIN_SIZE || size > MAX_SIZE) {
          report({
            ...valueSpan(attr),
            message: refusedAtStart(
              M.outsideRange({ name, size, min: MIN_SIZE, max: MAX_SIZE }),
              `Invalid ${name} (= ${size}), must be a power of 2 between ${MIN_SIZE} and ${MAX_SIZE}${name === 'rx_queue_size' ? '.' : ''}`,
              'QEMU',
            ),
            fixes: change,
          });
        } else if (size > max) {
          report({
            ...valueSpan(attr),
            severity: 'warning',
            message: nic.type ? M.txRingOnType({ size, type: nic.type, min: MIN_SIZE }) : M.txRingHere({ size, min: MIN_SIZE }),
            fixes: change,
          });
        }
      }
    }
  },
};
