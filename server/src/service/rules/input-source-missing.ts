import { messages } from '../../l10n/message';
import { DOCS } from '../libvirtDocs';
import { devicesOfKind } from '../model/domainModel';
import { BUILDING_COMMAND_LINE, refusedAtDefine as refused, refusedAtStart } from '../refusals';
import { attribute, nameSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('input-source-missing', {
  renameAttribute: 'Change {from}= to {to}=',
  evdevSourceWithout: "An evdev input's <source> without {name}=",
  passthroughSourceWithout: "A passthrough input's <source> without {name}=",
  evdevWithoutSource: "An evdev input without <source dev='/dev/input/…'/>",
  passthroughWithoutSource: "A passthrough input without <source evdev='/dev/input/…'/>",
});

/** The <source> attribute that names the host's event device, by input type. */
const PATH_ATTRIBUTE: Readonly<Record<string, string>> = { evdev: 'dev', passthrough: 'evdev' };

export const inputSourceMissing: Rule = {
  id: 'input-source-missing',
  severity: 'error',
  title: "An evdev or passthrough input device without the host's event device (<source dev> or <source evdev>)",
  explanation:
    "<input type='evdev'> forwards a host input device, named by <source dev='/dev/input/…'/>; type='passthrough' " +
    "names it with <source evdev='/dev/input/…'/>. libvirt refuses a <source> without it (\"Missing evdev path for " +
    'input device"); without any <source> it accepts the definition, and the guest cannot start.',
  docs: DOCS.input,
  check({ model, report }) {
    if (model.type?.value !== 'kvm' && model.type?.value !== 'qemu') return;
    for (const input of devicesOfKind(model, 'input')) {
      const name = input.type && PATH_ATTRIBUTE[input.type];
      if (!name) continue;
      const source = input.source;
      if (source && attribute(source, name)) continue;
      // The other type's attribute: what was meant, under the wrong name.
      const other = source && attribute(source, name === 'dev' ? 'evdev' : 'dev');
      report({
        ...nameSpan(source ?? input.element),
        fixes:
          source && other
            ? () => [
                {
                  title: M.renameAttribute({ from: other.name, to: name }),
                  edits: [{ start: other.nameStart, end: other.nameEnd, newText: name }],
                  preferred: true,
                },
              ]
            : undefined,
        message: source
          ? refused(
              input.type === 'evdev' ? M.evdevSourceWithout({ name }) : M.passthroughSourceWithout({ name }),
              'Missing evdev path for input device',
            )
          : input.type === 'evdev'
            ? refusedAtStart(M.evdevWithoutSource(), "argument key 'evdev' must not have null value", BUILDING_COMMAND_LINE)
            : refusedAtStart(M.passthroughWithoutSource(), "Path '(null)' is not accessible: Bad address", 'virsh start'),
      });
    }
  },
};
