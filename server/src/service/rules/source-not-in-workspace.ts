import { messages } from '../../l10n/message';
import { replaceAttributeValue } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { closest } from '../text/closest';
import { fileNameOf } from '../text/fileName';
import { attribute, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('source-not-in-workspace', {
  noNetwork: "No network '{name}' in the workspace: did you mean '{suggestion}' ({file})?",
  noPool: "No storage pool '{name}' in the workspace: did you mean '{suggestion}' ({file})?",
  changeTo: "Change to '{suggestion}'",
});

export const sourceNotInWorkspace: Rule = {
  id: 'source-not-in-workspace',
  severity: 'info',
  title: "A device's network or storage pool that is not the workspace's, but close to a name it defines",
  explanation:
    'When the workspace defines networks or storage pools (their XML files, open or on disk), an <interface ' +
    "type='network'> or <disk type='volume'> that names none of them, but nearly one, is most likely a misspelling: " +
    "libvirt would accept the domain and refuse to start it on a host that has only the workspace's. Names the " +
    "workspace does not come close to (the host's default network) are left alone; source-not-on-host checks the host.",
  docs: DOCS.interfaces,
  check({ model, workspace, report }) {
    if (workspace.networks.length === 0 && workspace.pools.length === 0) return;
    for (const device of model.devices) {
      const [attributeName, defined, what] =
        device.kind === 'interface' && device.type === 'network'
          ? (['network', workspace.networks, 'network'] as const)
          : device.kind === 'disk' && device.type === 'volume'
            ? (['pool', workspace.pools, 'storage pool'] as const)
            : [undefined, [], ''];
      if (!attributeName || !device.source) continue;
      const named = attribute(device.source, attributeName);
      if (!named || defined.some((definition) => definition.name === named.value)) continue;
      const suggestion = closest(
        named.value,
        defined.map((definition) => definition.name),
      );
      if (!suggestion) continue;
      const file = fileNameOf(defined.find((definition) => definition.name === suggestion)!.uri);
      report({
        ...valueSpan(named),
        message: (what === 'network' ? M.noNetwork : M.noPool)({ name: named.value, suggestion, file }),
        fixes: (context) => [
          { title: M.changeTo({ suggestion }), edits: [replaceAttributeValue(named, suggestion, context)], preferred: true },
        ],
      });
    }
  },
};
