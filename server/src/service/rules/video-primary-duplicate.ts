import { messages } from '../../l10n/message';
import { removeAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { devicesOfKind } from '../model/domainModel';
import { othersIn } from '../validation/grouping';
import { attribute, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('video-primary-duplicate', {
  severalPrimaries: "{count} video devices are primary='yes'; only one can be.",
  anotherPrimary: "another primary='yes'",
  removePrimary: "Remove this primary='yes'",
});

export const videoPrimaryDuplicate: Rule = {
  id: 'video-primary-duplicate',
  severity: 'error',
  title: "More than one video device is primary='yes'",
  explanation:
    "Only one <video> can be the primary display adapter. libvirt refuses a second <model primary='yes'/>: " +
    '"Only one primary video device is supported". Without primary=, the first <video> is primary.',
  docs: DOCS.video,
  check({ model, report }) {
    const primaries = devicesOfKind(model, 'video')
      .map((video) => (video.model ? attribute(video.model, 'primary') : undefined))
      .filter((attr) => attr?.value === 'yes');
    if (primaries.length < 2) return;
    for (const primary of primaries) {
      report({
        ...valueSpan(primary!),
        message: M.severalPrimaries({ count: primaries.length }),
        related: othersIn(primaries, primary).shown.map((p) => ({ ...valueSpan(p!), message: M.anotherPrimary() })),
        fixes: (context) => {
          const model = devicesOfKind(context.model, 'video').find((video) => video.model && attribute(video.model, 'primary') === primary)!
            .model!;
          return [{ title: M.removePrimary(), edits: [removeAttribute(model, primary!, context)], preferred: primary !== primaries[0] }];
        },
      });
    }
  },
};
