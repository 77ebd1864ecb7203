import { messages } from '../../../l10n/message';
import { replaceAttributeValue } from '../../edits/xmlEdits';
import type { DocumentFixContext } from '../../languageTypes';
import { NETWORK_DOCS } from '../../libvirtDocs';
import type { Rule } from '../../rules/rule';
import { attribute, valueSpan } from '../../xml/xmlTree';
import { refusedAtStart } from '../networkMessages';
import type { NetworkModel } from '../networkModel';

/** The kernel's limit on an interface name (IFNAMSIZ less its terminating zero). */
const MAX_NAME = 15;

const M = messages('network-bridge-name-too-long', {
  tooLong: "The bridge name '{name}' has {length} characters, more than the kernel's {max}",
  notInterfaceName: "The bridge name '{name}' is not an interface name the kernel takes",
  shortenTo: "Shorten to '{name}'",
  changeTo: "Change to '{name}'",
});

export const networkBridgeNameTooLong: Rule<NetworkModel, DocumentFixContext> = {
  id: 'network-bridge-name-too-long',
  severity: 'error',
  title: 'A bridge name the kernel refuses: longer than 15 characters, or with a space, / or :',
  explanation:
    'libvirt accepts any <bridge name> at define, but the network cannot start: the kernel refuses an interface name ' +
    'longer than 15 characters ("Numerical result out of range") or one with whitespace, "/" or ":", or "." ' +
    '("Invalid argument"). A name with %d is a template libvirt fills with a free number.',
  docs: NETWORK_DOCS.connectivity,
  check({ model, report }) {
    const name = model.bridge && attribute(model.bridge, 'name');
    if (!name || name.value === '') return;
    const value = name.value;
    // A %d template is expanded by libvirt before the kernel sees it.
    const expanded = value.replace('%d', '0');
    if (expanded.length > MAX_NAME) {
      const shorter = value.slice(0, MAX_NAME);
      report({
        ...valueSpan(name),
        message: refusedAtStart(
          M.tooLong({ name: value, length: value.length, max: MAX_NAME }),
          `error creating bridge interface ${value}: Numerical result out of range`,
        ),
        fixes: (context) => [
          { title: M.shortenTo({ name: shorter }), edits: [replaceAttributeValue(name, shorter, context)], preferred: true },
        ],
      });
    } else if (/[\s/:]/.test(value) || value === '.' || value === '..') {
      const cleaned = value.replace(/[\s/:]+/g, '-');
      report({
        ...valueSpan(name),
        message: refusedAtStart(M.notInterfaceName({ name: value }), `error creating bridge interface ${value}: Invalid argument`),
        fixes:
          cleaned !== value && cleaned !== '.' && cleaned !== '..'
            ? (context) => [
                { title: M.changeTo({ name: cleaned }), edits: [replaceAttributeValue(name, cleaned, context)], preferred: true },
              ]
            : undefined,
      });
    }
  },
};
