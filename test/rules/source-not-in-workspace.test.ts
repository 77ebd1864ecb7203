import { domainXml } from '../support/domainXml';
import { networkXml, poolXml } from '../support/kindXml';
import { testRule } from '../support/ruleTester';

const nic = (network: string) =>
  `    <interface type='network'>\n      <source network='${network}'/>\n      <model type='virtio'/>\n    </interface>`;
const volumeDisk = (pool: string) =>
  `    <disk type='volume' device='disk'>\n      <source pool='${pool}' volume='vm.qcow2'/>\n      <target dev='vda' bus='virtio'/>\n    </disk>`;
const WORKSPACE = [
  networkXml({ name: 'lab-net' }),
  poolXml('dir', '  <target>\n    <path>/srv/vm-images</path>\n  </target>', 'vm-images'),
];

testRule({
  rule: 'source-not-in-workspace',
  valid: [
    { name: "the workspace's network", xml: domainXml({ devices: nic('lab-net') }), workspace: WORKSPACE },
    { name: "a name far from the workspace's (the host's default)", xml: domainXml({ devices: nic('default') }), workspace: WORKSPACE },
    { name: 'no workspace definitions', xml: domainXml({ devices: nic('lab-nte') }) },
  ],
  invalid: [
    {
      name: "a misspelt network of the workspace's",
      xml: domainXml({ devices: nic('«lab-nte»') }),
      workspace: WORKSPACE,
      messages: ["No network 'lab-nte' in the workspace: did you mean 'lab-net' (definition-1.xml)?"],
      // libvirt defines the domain: it checks the network only when the guest starts.
      libvirt: 'accepts',
      fixed: [{ title: "Change to 'lab-net'", output: domainXml({ devices: nic('lab-net') }) }],
    },
    {
      name: "a misspelt pool of the workspace's",
      xml: domainXml({ devices: volumeDisk('«vm-imgaes»') }),
      workspace: WORKSPACE,
      libvirt: 'accepts',
      fixed: [{ title: "Change to 'vm-images'", output: domainXml({ devices: volumeDisk('vm-images') }) }],
    },
  ],
});
