import { domainXml } from '../support/domainXml';
import { recordedHostFacts } from '../support/recordedHosts';
import { testRule } from '../support/ruleTester';

const GPU_DESKTOP = recordedHostFacts('gpu-desktop');
const refusedAtStart = { skip: 'libvirt accepts the definition and refuses to start it on the recorded host' } as const;
const nic = (network: string) =>
  `    <interface type='network'>\n      <source network='${network}'/>\n      <model type='virtio'/>\n    </interface>`;
const volume = (pool: string, name: string) =>
  `    <disk type='volume' device='disk'>\n      <driver name='qemu' type='qcow2'/>\n      <source pool='${pool}' volume='${name}'/>\n      <target dev='vda' bus='virtio'/>\n    </disk>`;

testRule({
  rule: 'source-not-on-host',
  valid: [
    {
      name: "the host's network and a volume of its pool",
      xml: domainXml({ devices: `${nic('default')}\n${volume('default', 'win10.qcow2')}` }),
      host: GPU_DESKTOP,
    },
    { name: 'no host facts: nothing is claimed', xml: domainXml({ devices: nic('br-lab') }) },
  ],
  invalid: [
    {
      name: 'a misspelt network',
      xml: domainXml({ devices: nic('«defualt»') }),
      host: GPU_DESKTOP,
      messages: [
        "has no virtual network 'defualt' (it has 'default', 'isolated'): libvirt accepts the definition but refuses to start it. Did you mean 'default'?",
      ],
      libvirt: refusedAtStart,
    },
    {
      name: 'a pool the host does not have',
      xml: domainXml({ devices: volume('«vmstore»', 'win10.qcow2') }),
      host: GPU_DESKTOP,
      messages: ["has no storage pool 'vmstore' (it has 'default')"],
      libvirt: refusedAtStart,
    },
    {
      name: 'a volume the pool does not have',
      xml: domainXml({ devices: volume('default', '«win11.qcow2»') }),
      host: GPU_DESKTOP,
      messages: [
        /Pool 'default' on qemu\+ssh:\/\/root@gpu-desktop\/system has no volume 'win11\.qcow2' for disk vda.*Did you mean 'win10\.qcow2'\?/,
      ],
      libvirt: refusedAtStart,
    },
  ],
});
