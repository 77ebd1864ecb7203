import { replaceAttributeValue } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { attribute, attributeValue, firstChild, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

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
      message:
        `retries='${retries.value}' is below the minimum of ${HYPERV_SPINLOCKS_MINIMUM}: libvirt refuses the domain ` +
        `("HyperV spinlock retry count must be at least ${HYPERV_SPINLOCKS_MINIMUM}"). 8191 is the usual value.`,
      fixes: (context) => [{ title: "Set retries='8191'", edits: [replaceAttributeValue(retries, '8191', context)], preferred: true }],
    });
  },
};
