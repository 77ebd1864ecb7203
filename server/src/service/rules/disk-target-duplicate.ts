import { setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { nextFreeTarget } from '../model/diskNames';
import { devicesOfKind } from '../model/domainModel';
import { duplicates, groupBy, othersIn } from '../validation/grouping';
import { attribute, attributeValue, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

export const diskTargetDuplicate: Rule = {
  id: 'disk-target-duplicate',
  severity: 'error',
  title: 'Two disks have the same target dev',
  explanation:
    'The target dev (vda, sdb, hdc...) names a disk inside the domain and must be unique. libvirt refuses ' +
    'the domain with "target \'vda\' duplicated for disk sources". It often happens when a disk is copied and ' +
    'only its source is changed.',
  docs: DOCS.disks,
  check({ model, report }) {
    const byTarget = groupBy(devicesOfKind(model, 'disk'), (disk) => attributeValue(disk.target, 'dev') || undefined);
    for (const [dev, disks] of duplicates(byTarget)) {
      for (const disk of disks) {
        const others = othersIn(disks, disk).shown;
        const span = valueSpan(attribute(disk.target!, 'dev')!);
        report({
          ...span,
          message: `Target '${dev}' is used by ${disks.length} disks; each disk needs its own target dev.`,
          related: others.map((other) => ({
            ...valueSpan(attribute(other.target!, 'dev')!),
            message: `another disk with target '${dev}'`,
          })),
          fixes: (context) => {
            const name = nextFreeTarget(context.model, attributeValue(disk.target, 'bus') ?? dev.slice(0, 2));
            return [{ title: `Rename to ${name}`, edits: [setAttribute(disk.target!, 'dev', name, context)], preferred: true }];
          },
        });
      }
    }
  },
};
