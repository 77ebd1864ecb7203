import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const shmem = (size: string) =>
  `    <shmem name='looking-glass'>\n      <model type='ivshmem-plain'/>\n      <size unit='M'>${size}</size>\n    </shmem>`;
const refusedAtStart = { skip: 'libvirt accepts it at define and refuses it only when the guest starts' } as const;

testRule({
  rule: 'shmem-size-invalid',
  valid: [
    { name: '32M for Looking Glass', xml: domainXml({ devices: shmem('32') }) },
    { name: 'no size', xml: domainXml({ devices: "    <shmem name='x'><model type='ivshmem-plain'/></shmem>" }) },
  ],
  invalid: [
    {
      name: '48M',
      xml: domainXml({ devices: shmem('«48»') }),
      messages: ['The shmem size 48 MiB is not a power of two'],
      libvirt: 'accepts',
    },
    { name: '3M', xml: domainXml({ devices: shmem('«3»') }), libvirt: refusedAtStart },
  ],
});
