import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const controller = (attributes: string) => `    <controller type='pci' ${attributes}/>`;

testRule({
  rule: 'pci-root-controller-invalid',
  valid: [
    { name: 'pcie-root on q35', xml: domainXml({ devices: controller("index='0' model='pcie-root'") }) },
    { name: 'pci-root on i440fx', xml: domainXml({ machine: 'pc', devices: controller("index='0' model='pci-root'") }) },
    {
      name: 'a root port without index= (libvirt numbers it)',
      xml: domainXml({ devices: `${controller("model='pcie-root'")}\n${controller("model='pcie-root-port'")}` }),
    },
    {
      name: 'a root port without index before the explicit root (libvirt numbers it 1)',
      xml: domainXml({ devices: `${controller("model='pcie-root-port'")}\n${controller("index='0' model='pcie-root'")}` }),
    },
  ],
  invalid: [
    {
      name: 'pci-root on q35',
      xml: domainXml({ devices: controller("index='0' model='«pci-root»'") }),
      libvirtSays:
        "The PCI controller with index='0' must be model='pcie-root' for this machine type, but model='pci-root' was found instead",
      fixed: [{ title: "Set model='pcie-root'", output: domainXml({ devices: controller("index='0' model='pcie-root'") }) }],
    },
    {
      name: 'index 0 without a model on i440fx',
      xml: domainXml({ machine: 'pc', devices: "    <«controller» type='pci' index='0'/>" }),
      libvirtSays: "model='(null)' was found instead",
    },
    {
      name: 'a pcie-root without index on i440fx (libvirt makes it bus 0)',
      xml: domainXml({ machine: 'pc', devices: "    <controller type='pci' model='«pcie-root»'/>" }),
      libvirtSays: "must be model='pci-root' for this machine type, but model='pcie-root' was found instead",
    },
    {
      name: 'a pcie-root with index 1',
      xml: domainXml({ devices: `${controller("index='0' model='pcie-root'")}\n${controller("index='1' model='«pcie-root»'")}` }),
      libvirtSays: 'pci-root and pcie-root controllers should have index 0',
      noFix: 'which controller was meant is for the user to say',
    },
    {
      name: 'a PCI controller without index or model (libvirt makes it bus 0)',
      xml: domainXml({ devices: "    <«controller» type='pci'/>" }),
      libvirtSays:
        "The PCI controller with index='0' must be model='pcie-root' for this machine type, but model='(null)' was found instead",
    },
    {
      name: 'a root port without index before the explicit root (libvirt numbers it 1): fine, but a second without a model',
      xml: domainXml({
        devices: `${controller("model='pcie-root-port'")}\n${controller("index='0' model='pcie-root'")}\n    <«controller» type='pci'/>`,
      }),
      libvirtSays: 'PCI controller model was not set correctly',
      fixed: [
        {
          title: "Set model='pcie-root-port'",
          output: domainXml({
            devices: `${controller("model='pcie-root-port'")}\n${controller("index='0' model='pcie-root'")}\n${controller("model='pcie-root-port'")}`,
          }),
        },
      ],
    },
  ],
});
