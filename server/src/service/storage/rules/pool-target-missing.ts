import { messages } from '../../../l10n/message';
import { insertChild } from '../../edits/xmlEdits';
import type { DocumentFixContext } from '../../languageTypes';
import { STORAGE_DOCS } from '../../libvirtDocs';
import type { Rule } from '../../rules/rule';
import { firstChild, nameSpan, textOf } from '../../xml/xmlTree';
import { refusedAtDefine } from '../storageMessages';
import type { StoragePoolModel } from '../storageModel';

/** Pool types whose parser requires <target><path>, with the usual path for a fix. */
const TARGET_PATHS: Readonly<Record<string, (name: string) => string>> = {
  dir: (name) => `/var/lib/libvirt/images/${name}`,
  fs: (name) => `/mnt/${name}`,
  netfs: (name) => `/mnt/${name}`,
  disk: () => '/dev',
  iscsi: () => '/dev/disk/by-path',
  scsi: () => '/dev/disk/by-path',
  mpath: () => '/dev/mapper',
};

const M = messages('pool-target-missing', {
  noTargetPath: 'A {type} pool without <target><path>',
  addTargetPath: 'Add <target><path>{path}</path></target>',
  logicalTarget: "A logical pool's target is /dev/{volumeGroup}: libvirt replaces {path} with it.",
  changeTo: 'Change to {path}',
  relativeResolved:
    "The target path {path} is relative: libvirt accepts it and, when the pool is built, takes it from libvirtd's working directory (/{path}).",
  relativeRefused: 'The target path {path} is relative: libvirt accepts it at define, but refuses to build the pool ("{libvirtSays}").',
});

export const poolTargetMissing: Rule<StoragePoolModel, DocumentFixContext> = {
  id: 'pool-target-missing',
  severity: 'error',
  title: 'A storage pool without the <target><path> its type needs, or with one libvirt will not use as written',
  explanation:
    'libvirt refuses a dir, fs, netfs, disk, iscsi, scsi or mpath pool without <target><path> ("missing storage pool ' +
    'target path"). A relative path is accepted at define and resolved against libvirtd\'s working directory (/) when ' +
    "the pool is built; a logical pool's target is always /dev/VOLUME-GROUP, whatever is written.",
  docs: STORAGE_DOCS.poolTarget,
  check({ model, report }) {
    const type = model.type?.value;
    if (!type) return;
    const target = model.target;
    const pathElement = firstChild(target, 'path');
    const path = textOf(pathElement);
    const usual = TARGET_PATHS[type];
    if (usual && !path) {
      const suggested = usual(model.name || 'pool');
      report({
        ...(pathElement ? nameSpan(pathElement) : target ? nameSpan(target) : nameSpan(model.root)),
        message: refusedAtDefine(M.noTargetPath({ type }), 'missing storage pool target path'),
        fixes: (context) => [
          {
            title: M.addTargetPath({ path: suggested }),
            edits: [
              target && !pathElement
                ? insertChild(target, { name: 'path', text: suggested }, context, target.children[0])
                : pathElement
                  ? { start: pathElement.start, end: pathElement.end, newText: `<path>${suggested}</path>` }
                  : insertChild(model.root, { name: 'target', children: [{ name: 'path', text: suggested }] }, context),
            ],
            preferred: true,
          },
        ],
      });
      return;
    }
    if (!path || !pathElement) return;
    if (type === 'logical') {
      const volumeGroup = textOf(firstChild(model.source, 'name')) || model.name;
      if (volumeGroup && path !== `/dev/${volumeGroup}`)
        report({
          ...nameSpan(pathElement),
          severity: 'warning',
          message: M.logicalTarget({ volumeGroup, path }),
          fixes: () => [
            {
              title: M.changeTo({ path: `/dev/${volumeGroup}` }),
              edits: [{ start: pathElement.start, end: pathElement.end, newText: `<path>/dev/${volumeGroup}</path>` }],
              preferred: true,
            },
          ],
        });
      return;
    }
    if (TARGET_PATHS[type] !== undefined && !path.startsWith('/'))
      report({
        ...nameSpan(pathElement),
        severity: 'warning',
        message: path.includes('/')
          ? M.relativeResolved({ path })
          : M.relativeRefused({ path, libvirtSays: `path '${path}' is not absolute` }),
        fixes: () => [
          {
            title: M.changeTo({ path: `/${path}` }),
            edits: [{ start: pathElement.start, end: pathElement.end, newText: `<path>/${path}</path>` }],
            preferred: true,
          },
        ],
      });
  },
};
