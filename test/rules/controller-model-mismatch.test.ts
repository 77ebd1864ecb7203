import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

testRule({
  rule: 'controller-model-mismatch',
  libvirtSays: 'Unknown model type',
  valid: [
    { name: 'a qemu-xhci USB controller', xml: domainXml({ devices: "    <controller type='usb' model='qemu-xhci'/>" }) },
    { name: 'a virtio-scsi controller', xml: domainXml({ devices: "    <controller type='scsi' model='virtio-scsi'/>" }) },
    { name: 'a SATA controller without model', xml: domainXml({ devices: "    <controller type='sata'/>" }) },
  ],
  invalid: [
    {
      name: 'a PCI model on a USB controller',
      xml: domainXml({ devices: "    <controller type='usb' model='«pcie-root-port»'/>" }),
      messages: ["'pcie-root-port' is not a model of a usb controller"],
      noFix: 'no USB model is close to a PCI one',
    },
    {
      name: 'a misspelt SCSI model',
      xml: domainXml({ devices: "    <controller type='scsi' model='«virtio-scsii»'/>" }),
      fixed: [{ title: "Change to 'virtio-scsi'", output: domainXml({ devices: "    <controller type='scsi' model='virtio-scsi'/>" }) }],
    },
    {
      name: 'a PCI controller of index 1 without a model',
      xml: domainXml({ devices: "    <«controller» type='pci' index='1'/>" }),
      libvirtSays: 'PCI controller model was not set correctly',
      noFix: 'which PCI controller is for the user to say',
    },
    {
      name: 'any model on a SATA controller',
      xml: domainXml({ devices: "    <controller type='sata' model='«ich9-ahci»'/>" }),
      messages: ['which has none'],
      noFix: 'a SATA controller has no model to change to',
    },
  ],
});
