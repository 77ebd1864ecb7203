import type { HostFacts } from '../../server/src/service/hostFacts';
import { domainXml } from '../support/domainXml';
import { recordedHostFacts } from '../support/recordedHosts';
import { testRule } from '../support/ruleTester';

const GPU_DESKTOP = recordedHostFacts('gpu-desktop');
const refusedAtStart = { skip: 'libvirt accepts the definition and refuses to start it on the recorded host' } as const;
const nic = (network: string) =>
  `    <interface type='network'>\n      <source network='${network}'/>\n      <model type='virtio'/>\n    </interface>`;
const volume = (pool: string, name: string) =>
  `    <disk type='volume' device='disk'>\n      <driver name='qemu' type='qcow2'/>\n      <source pool='${pool}' volume='${name}'/>\n      <target dev='vda' bus='virtio'/>\n    </disk>`;

const blockDisk = (dev: string, target = 'vdb') =>
  `    <disk type='block' device='disk'>\n      <driver name='qemu' type='raw'/>\n      <source dev='${dev}'/>\n      <target dev='${target}' bus='virtio'/>\n    </disk>`;
const fileDisk = (file: string, policy = '') =>
  `    <disk type='file' device='disk'>\n      <driver name='qemu' type='qcow2'/>\n      <source file='${file}'${policy}/>\n      <target dev='vdc' bus='virtio'/>\n    </disk>`;
// A local connection as the server sees it after looking at the paths the document names.
const LOCAL: HostFacts = {
  ...recordedHostFacts('no-iommu', 'qemu:///system'),
  connection: { uri: 'qemu:///system', local: true },
  paths: {
    '/var/lib/libvirt/images/there.qcow2': 'file',
    '/var/lib/libvirt/images/gone.qcow2': 'missing',
    '/dev/sdz': 'missing',
    '/dev/sda': 'block',
  },
};

testRule({
  rule: 'source-not-on-host',
  valid: [
    {
      name: "the host's network and a volume of its pool",
      xml: domainXml({ devices: `${nic('default')}\n${volume('default', 'win10.qcow2')}` }),
      host: GPU_DESKTOP,
    },
    { name: 'no host facts: nothing is claimed', xml: domainXml({ devices: nic('br-lab') }) },
    {
      name: "the remote host's NVMe drive, and a partition of it",
      xml: domainXml({ devices: `${blockDisk('/dev/nvme0n1')}\n${blockDisk('/dev/nvme0n1p2', 'vdd')}` }),
      host: GPU_DESKTOP,
    },
    {
      name: 'a remote host: stable names and files cannot be checked from here',
      xml: domainXml({ devices: `${blockDisk('/dev/disk/by-id/ata-WDC_WD40')}\n${fileDisk('/var/lib/libvirt/images/elsewhere.qcow2')}` }),
      host: GPU_DESKTOP,
      libvirt: { skip: 'names paths of another host' },
    },
    {
      name: 'a local image file and block device that are there',
      xml: domainXml({ devices: `${fileDisk('/var/lib/libvirt/images/there.qcow2')}\n${blockDisk('/dev/sda', 'vdd')}` }),
      host: LOCAL,
      libvirt: { skip: 'names paths of the recorded local host' },
    },
    {
      name: "a missing CD image with startupPolicy='optional': libvirt drops it at start",
      xml: domainXml({ devices: fileDisk('/var/lib/libvirt/images/gone.qcow2', " startupPolicy='optional'") }),
      host: LOCAL,
      libvirt: { skip: 'names paths of the recorded local host' },
    },
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
    {
      name: 'a disk the remote host does not have',
      xml: domainXml({ devices: blockDisk('«/dev/sdz»') }),
      host: GPU_DESKTOP,
      messages: [
        "The host of qemu+ssh://root@gpu-desktop/system has no block device /dev/sdz for disk vdb: libvirt accepts the definition but refuses to start it (\"Cannot access storage file '/dev/sdz': No such file or directory\"). It has '/dev/nvme0n1'.",
      ],
      libvirt: refusedAtStart,
      noFix: 'which disk to give the guest is for the user to say',
    },
    {
      name: 'a partition of a disk the remote host does not have',
      xml: domainXml({ devices: blockDisk('«/dev/sdb1»') }),
      host: GPU_DESKTOP,
      messages: [/has no block device \/dev\/sdb1/],
      libvirt: refusedAtStart,
      noFix: 'which disk to give the guest is for the user to say',
    },
    {
      name: 'a local block device that is not there',
      xml: domainXml({ devices: blockDisk('«/dev/sdz»') }),
      host: LOCAL,
      messages: [/^The host of qemu:\/\/\/system has no block device \/dev\/sdz .*refuses to start it/],
      libvirt: refusedAtStart,
      noFix: 'which disk to give the guest is for the user to say',
    },
    {
      name: 'a local image file that is not there (yet): a warning',
      xml: domainXml({ devices: fileDisk('«/var/lib/libvirt/images/gone.qcow2»') }),
      host: LOCAL,
      messages: [/There is no file \/var\/lib\/libvirt\/images\/gone\.qcow2 on this machine .*qemu-img create -f qcow2/],
      libvirt: { skip: 'names paths of the recorded local host' },
      noFix: 'the image is to be created or the path corrected by the user',
    },
  ],
});
