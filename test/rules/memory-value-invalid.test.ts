import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

testRule({
  rule: 'memory-value-invalid',
  valid: [
    { name: 'KiB by default', xml: domainXml({ memory: '  <memory>1048576</memory>' }) },
    {
      name: 'every kind of unit',
      xml: domainXml({
        memory:
          "  <memory unit='G'>1</memory>\n  <currentMemory unit='MB'>1000</currentMemory>\n  <maxMemory slots='4' unit='GiB'>4</maxMemory>",
        cpu: "  <cpu>\n    <numa>\n      <cell id='0' cpus='0' memory='1' unit='GiB'/>\n    </numa>\n  </cpu>",
      }),
    },
    {
      name: '4194304 TiB (4 EiB): absurd, but libvirt accepts the definition (the start fails: QEMU cannot allocate it)',
      xml: domainXml({ memory: "  <memory unit='TiB'>4194304</memory>" }),
    },
  ],
  invalid: [
    {
      name: 'more than libvirt can count (8388608 TiB)',
      xml: domainXml({ memory: "  <memory unit='TiB'>«8388608»</memory>" }),
      messages: [`<memory>: '8388608' is too large: libvirt refuses the domain ("value too large: 8388608TiB").`],
      libvirtSays: 'numerical overflow: value too large',
      noFix: 'the intended size is for the user to say',
    },
    {
      name: 'a trailing space',
      xml: domainXml({ memory: "  <memory unit='KiB'>«1048576» </memory>" }),
      messages: ["<memory>: '1048576 ' is not a whole number"],
      libvirtSays: "Invalid value '1048576 '",
    },
    { name: 'a decimal', xml: domainXml({ memory: "  <memory unit='GiB'>«1.5»</memory>" }), libvirtSays: 'Invalid value' },
    {
      name: 'an unknown unit',
      xml: domainXml({ memory: "  <memory unit='«GiBs»'>1</memory>" }),
      messages: ["unknown unit 'GiBs'"],
      libvirtSays: "unknown suffix 'GiBs'",
    },
  ],
});
