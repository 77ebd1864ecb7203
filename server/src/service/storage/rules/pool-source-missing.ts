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
        problems.push({ ...nameSpan(host), message: refusedAtDefine('A <host> without name=', 'missing storage pool host name') });
    for (const device of devices)
      if (!attributeValue(device, 'path'))
        problems.push({
          ...nameSpan(device),
          message: refusedAtDefine('A <device> without path=', 'missing storage pool source device path'),
        });
    if (NEEDS_HOST.has(type) && hosts.length === 0)
      problems.push({
        ...at(source),
        message: refusedAtDefine(`A ${type} pool without <source><host name>`, 'missing storage pool source host name'),
      });
    if (type === 'netfs') {
      const dir = firstChild(source, 'dir');
      if (!attributeValue(dir, 'path'))
        problems.push({
          ...at(dir),
          message: refusedAtDefine('A netfs pool without <source><dir path>', 'missing storage pool source path'),
        });
    }
    if (NEEDS_DEVICE.has(type) && devices.length === 0)
      problems.push({
        ...at(source),
        message: refusedAtDefine(`A ${type} pool without <source><device path>`, 'missing storage pool source device name'),
      });
    if (type === 'rbd' && !textOf(firstChild(source, 'name')))
      problems.push({
        ...at(source),
        message: refusedAtDefine('An rbd pool without <source><name>', "element 'name' is mandatory for RBD pool"),
      });
    if (type === 'scsi') scsiAdapter(source, at, problems);
    if (type === 'iscsi' && devices.length === 0)
      problems.push({
        ...at(source),
        message: refusedAtStart("An iscsi pool without the target's IQN in <source><device path>", 'missing source device'),
      });
    if (ONE_HOST[type] && hosts.length > 1)
      problems.push({ ...nameSpan(hosts[1]!), message: refusedAtStart(`A second <host> in a ${type} pool`, ONE_HOST[type]!) });
    if (ONE_DEVICE[type] && devices.length > 1)
      problems.push({ ...nameSpan(devices[1]!), message: refusedAtStart(`A second <device> in a ${type} pool`, ONE_DEVICE[type]!) });
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
      message: refusedAtDefine('A scsi pool without <source><adapter>', 'missing storage pool source adapter'),
    });
    return;
  }
  const type = attributeValue(adapter, 'type');
  const parent = firstChild(adapter, 'parentaddr');
  if (type === 'scsi_host' && !attributeValue(adapter, 'name') && !parent)
    problems.push({
      ...nameSpan(adapter),
      message: refusedAtDefine(
        'A scsi_host adapter with neither name= nor <parentaddr>',
        "Either 'name' or 'parent' must be specified for the 'scsi_host' adapter",
      ),
    });
  if (type === 'fc_host' && (!attributeValue(adapter, 'wwnn') || !attributeValue(adapter, 'wwpn')))
    problems.push({
      ...nameSpan(adapter),
      message: refusedAtDefine(
        'An fc_host adapter without wwnn= and wwpn=',
        "'wwnn' and 'wwpn' must be specified for adapter type 'fchost'",
      ),
    });
}
