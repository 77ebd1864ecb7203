import { messages } from '../../../l10n/message';
import type { DocumentFixContext } from '../../languageTypes';
import { STORAGE_DOCS } from '../../libvirtDocs';
import type { Problem, Rule } from '../../rules/rule';
import { attribute, attributeValue, childrenNamed, firstChild, nameSpan, textOf, type XmlElement } from '../../xml/xmlTree';
import { refusedAtDefine, refusedAtStart } from '../storageMessages';
import type { StoragePoolModel } from '../storageModel';

/** Pool types whose parser requires a <source><host name>. */
const NEEDS_HOST = new Set(['netfs', 'iscsi', 'gluster', 'rbd', 'sheepdog']);
/** Pool types whose parser requires a <source><device>. */
const NEEDS_DEVICE = new Set(['fs', 'disk']);
/** Pool types that use one host, or one device, and refuse to start with more (their backends). */
const ONE_HOST: Readonly<Record<string, string>> = {
  netfs: 'expected exactly 1 host for the storage pool',
  iscsi: 'Expected exactly 1 host for the storage pool',
};
const ONE_DEVICE: Readonly<Record<string, string>> = { fs: 'expected exactly 1 device for the storage pool' };

type PoolProblem = Problem<DocumentFixContext>;

const M = messages('pool-source-missing', {
  hostWithoutName: 'A <host> without name=',
  deviceWithoutPath: 'A <device> without path=',
  noSourceHost: 'A {type} pool without <source><host name>',
  netfsWithoutDir: 'A netfs pool without <source><dir path>',
  noSourceDevice: 'A {type} pool without <source><device path>',
  rbdWithoutName: 'An rbd pool without <source><name>',
  iscsiWithoutIqn: "An iscsi pool without the target's IQN in <source><device path>",
  secondHost: 'A second <host> in a {type} pool',
  secondDevice: 'A second <device> in a {type} pool',
  scsiWithoutAdapter: 'A scsi pool without <source><adapter>',
  scsiHostWithoutName: 'A scsi_host adapter with neither name= nor <parentaddr>',
  fcHostWithoutWwn: 'An fc_host adapter without wwnn= and wwpn=',
});

export const poolSourceMissing: Rule<StoragePoolModel, DocumentFixContext> = {
  id: 'pool-source-missing',
  severity: 'error',
  title: 'A storage pool without the <source> parts its type needs (host, directory, device, adapter, name)',
  explanation:
    "libvirt's pool parser refuses a netfs, iscsi, gluster, rbd or sheepdog pool without <source><host name>, a netfs " +
    'pool without <source><dir path>, an fs or disk pool without <source><device path>, a scsi pool without ' +
    '<source><adapter> (a scsi_host adapter needs name= or a parent address), an rbd pool without <source><name>. ' +
    "An iscsi pool without the target's IQN in <device path> is accepted but cannot start; so are netfs and iscsi " +
    'pools with two hosts and fs pools with two devices.',
  docs: STORAGE_DOCS.poolSource,
  check({ model, report }) {
    const type = model.type?.value;
    if (!type) return;
    const source = model.source;
    const at = (element: XmlElement | undefined) => nameSpan(element ?? source ?? model.root);
    const problems: PoolProblem[] = [];
    const hosts = childrenNamed(source, 'host');
    const devices = childrenNamed(source, 'device');
    for (const host of hosts)
      if (!attributeValue(host, 'name'))
        problems.push({ ...nameSpan(host), message: refusedAtDefine(M.hostWithoutName(), 'missing storage pool host name') });
    for (const device of devices)
      if (!attributeValue(device, 'path'))
        problems.push({
          ...nameSpan(device),
          message: refusedAtDefine(M.deviceWithoutPath(), 'missing storage pool source device path'),
        });
    if (NEEDS_HOST.has(type) && hosts.length === 0)
      problems.push({
        ...at(source),
        message: refusedAtDefine(M.noSourceHost({ type }), 'missing storage pool source host name'),
      });
    if (type === 'netfs') {
      const dir = firstChild(source, 'dir');
      if (!attributeValue(dir, 'path'))
        problems.push({
          ...at(dir),
          message: refusedAtDefine(M.netfsWithoutDir(), 'missing storage pool source path'),
        });
    }
    if (NEEDS_DEVICE.has(type) && devices.length === 0)
      problems.push({
        ...at(source),
        message: refusedAtDefine(M.noSourceDevice({ type }), 'missing storage pool source device name'),
      });
    if (type === 'rbd' && !textOf(firstChild(source, 'name')))
      problems.push({
        ...at(source),
        message: refusedAtDefine(M.rbdWithoutName(), "element 'name' is mandatory for RBD pool"),
      });
    if (type === 'scsi') scsiAdapter(source, at, problems);
    if (type === 'iscsi' && devices.length === 0)
      problems.push({
        ...at(source),
        message: refusedAtStart(M.iscsiWithoutIqn(), 'missing source device'),
      });
    if (ONE_HOST[type] && hosts.length > 1)
      problems.push({ ...nameSpan(hosts[1]!), message: refusedAtStart(M.secondHost({ type }), ONE_HOST[type]!) });
    if (ONE_DEVICE[type] && devices.length > 1)
      problems.push({ ...nameSpan(devices[1]!), message: refusedAtStart(M.secondDevice({ type }), ONE_DEVICE[type]!) });
    problems.sort((a, b) => a.start - b.start);
    for (const problem of problems) report(problem);
  },
};

function scsiAdapter(
  source: XmlElement | undefined,
  at: (element: XmlElement | undefined) => { start: number; end: number },
  problems: PoolProblem[],
): void {
  const adapter = firstChild(source, 'adapter');
  if (!adapter || (!attribute(adapter, 'type') && !attribute(adapter, 'name'))) {
    problems.push({
      ...at(adapter),
      message: refusedAtDefine(M.scsiWithoutAdapter(), 'missing storage pool source adapter'),
    });
    return;
  }
  const type = attributeValue(adapter, 'type');
  const parent = firstChild(adapter, 'parentaddr');
  if (type === 'scsi_host' && !attributeValue(adapter, 'name') && !parent)
    problems.push({
      ...nameSpan(adapter),
      message: refusedAtDefine(M.scsiHostWithoutName(), "Either 'name' or 'parent' must be specified for the 'scsi_host' adapter"),
    });
  if (type === 'fc_host' && (!attributeValue(adapter, 'wwnn') || !attributeValue(adapter, 'wwpn')))
    problems.push({
      ...nameSpan(adapter),
      message: refusedAtDefine(M.fcHostWithoutWwn(), "'wwnn' and 'wwpn' must be specified for adapter type 'fchost'"),
    });
}
