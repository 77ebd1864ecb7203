import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

testRule({
  rule: 'current-memory-exceeds',
  valid: [
    {
      name: 'equal',
      xml: domainXml({ memory: "  <memory unit='KiB'>4194304</memory>\n  <currentMemory unit='KiB'>4194304</currentMemory>" }),
    },
    { name: 'below', xml: domainXml({ memory: "  <memory unit='GiB'>4</memory>\n  <currentMemory unit='GiB'>2</currentMemory>" }) },
  ],
  invalid: [
    {
      name: 'currentMemory raised without memory (libvirt clamps it silently)',
      xml: domainXml({ memory: "  <memory unit='KiB'>4194304</memory>\n  <currentMemory unit='KiB'>«8388608»</currentMemory>" }),
      messages: ['currentMemory (8 GiB) is above memory (4 GiB); libvirt silently lowers it to 4 GiB'],
    },
    {
      name: 'bytes against KiB',
      xml: domainXml({ memory: "  <memory>1048576</memory>\n  <currentMemory unit='bytes'>«1073741825»</currentMemory>" }),
    },
  ],
});
