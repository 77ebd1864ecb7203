import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const gpu = (driver = "<driver name='vfio'/>") => `
    <hostdev mode='subsystem' type='pci' managed='yes'>
      ${driver}
      <source>
        <address domain='0x0000' bus='0x27' slot='0x00' function='0x0'/>
      </source>
    </hostdev>`;
const memory = (current: string) => `  <memory unit='KiB'>8388608</memory>\n  <currentMemory unit='KiB'>${current}</currentMemory>`;

testRule({
  rule: 'balloon-with-vfio',
  valid: [
    { name: 'full memory with a GPU', xml: domainXml({ memory: memory('8388608'), devices: gpu() }) },
    { name: 'ballooned without a host device', xml: domainXml({ memory: memory('2097152') }) },
  ],
  invalid: [
    {
      name: 'ballooned with a VFIO GPU',
      xml: domainXml({ memory: memory('«2097152»'), devices: gpu() }),
      messages: ['uses VFIO, which pins all 8 GiB of guest memory'],
    },
    { name: 'the driver defaults to VFIO', xml: domainXml({ memory: memory('«4194304»'), devices: gpu('') }) },
  ],
});
