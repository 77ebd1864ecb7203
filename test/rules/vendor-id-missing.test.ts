import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const gpu = (tag = 'hostdev') => `
    <${tag} mode='subsystem' type='pci' managed='yes'>
      <driver name='vfio'/>
      <source>
        <address domain='0x0000' bus='0x27' slot='0x00' function='0x0'/>
      </source>
    </hostdev>`;
const hyperv = (inner = '') => `    <hyperv mode='custom'>
      <relaxed state='on'/>${inner}
    </hyperv>`;
const win10 = `  <metadata>
    <libosinfo:libosinfo xmlns:libosinfo="http://libosinfo.org/xmlns/libvirt/domain/1.0">
      <libosinfo:os id="http://microsoft.com/win/10"/>
    </libosinfo:libosinfo>
  </metadata>`;

testRule({
  rule: 'vendor-id-missing',
  valid: [
    {
      name: "vendor_id set (the seed's hiding)",
      xml: domainXml({ features: hyperv("\n      <vendor_id state='on' value='random'/>"), devices: gpu() }),
    },
    { name: 'a Linux guest with a GPU', xml: domainXml({ devices: gpu() }) },
    { name: 'a Windows guest without passthrough', xml: domainXml({ features: hyperv() }) },
  ],
  invalid: [
    {
      name: 'hyperv enlightenments and a GPU',
      xml: domainXml({ features: hyperv(), devices: gpu('«hostdev»') }),
      messages: ['hostdev 0000:27:00.0 is passed to a Windows guest (Hyper-V enlightenments are on) without a Hyper-V vendor_id'],
    },
    {
      name: 'a libosinfo Windows id and a GPU: <hyperv> is created in <features>',
      xml: domainXml({ extra: win10, features: '    <acpi/>', devices: gpu('«hostdev»') }),
      messages: ['libosinfo id'],
      fixed: [
        {
          title: "Add <vendor_id state='on' value='0123456789ab'/> to <hyperv>",
          output: domainXml({
            extra: win10,
            features: "    <acpi/>\n    <hyperv>\n      <vendor_id state='on' value='0123456789ab'/>\n    </hyperv>",
            devices: gpu(),
          }),
        },
      ],
    },
    { name: 'no <features> at all: it is created', xml: domainXml({ extra: win10, devices: gpu('«hostdev»') }) },
  ],
});
