import { messages } from '../../l10n/message';
import { replaceAttributeValue } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { attribute, attributeValue, firstChild, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('hyperv-spinlocks-invalid', {
  belowMinimum:
    'retries=\'{value}\' is below the minimum of {minimum}: libvirt refuses the domain ("{libvirtSays}"). 8191 is the usual value.',
  setRetries: "Set retries='8191'",
});

export const HYPERV_SPINLOCKS_MINIMUM = 4095;

export const hypervSpinlocksInvalid: Rule = {
  id: 'hyperv-spinlocks-invalid',
  severity: 'error',
  title: 'Hyper-V spinlock retries below 4095',
  explanation:
    "<spinlocks state='on' retries='N'/> tells Windows how long to spin before notifying the hypervisor. " +
    `libvirt refuses fewer than ${HYPERV_SPINLOCKS_MINIMUM} retries ("HyperV spinlock retry count must be at least 4095"); 8191 is the usual value.`,
  docs: DOCS.features,
  check({ model, report }) {
    const spinlocks = firstChild(model.features.hyperv, 'spinlocks');
    if (!spinlocks || attributeValue(spinlocks, 'state') !== 'on') return;
    const retries = attribute(spinlocks, 'retries');
    if (!retries || !/^[0-9]+$/.test(retries.value.trim()) || Number(retries.value) >= HYPERV_SPINLOCKS_MINIMUM) return;
    report({
      ...valueSpan(retries),
      message: M.belowMinimum({
        value: retries.value,
        minimum: HYPERV_SPINLOCKS_MINIMUM,
        libvirtSays: `HyperV spinlock retry count must be at least ${HYPERV_SPINLOCKS_MINIMUM}`,
      }),
      fixes: (context) => [{ title: M.setRetries(), edits: [replaceAttributeValue(retries, '8191', context)], preferred: true }],
    });
  },
};
