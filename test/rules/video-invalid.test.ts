import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

/** A <video> whose <model> has these attributes (and children). */
const video = (model: string, inner = '', extra = '') =>
  inner
    ? `    <video>\n      <model ${model}>\n        ${inner}\n      </model>${extra}\n    </video>`
    : `    <video>\n      <model ${model}/>${extra}\n    </video>`;

testRule({
  rule: 'video-invalid',
  valid: [
    {
      name: 'a qxl with four heads, ram, vgamem',
      xml: domainXml({ devices: video("type='qxl' ram='65536' vram='65536' vgamem='16384' heads='4'") }),
    },
    { name: 'a virtio with two heads', xml: domainXml({ devices: video("type='virtio' heads='2'") }) },
    {
      name: 'a vga with one head and a resolution',
      xml: domainXml({ devices: video("type='vga' vram='16384' heads='1'", "<resolution x='1920' y='1080'/>") }),
    },
    { name: 'a vga with vram 1000 (rounded up to 1024)', xml: domainXml({ devices: video("type='vga' vram='1000'") }) },
    { name: 'a lone none', xml: domainXml({ devices: video("type='none'") }) },
    { name: "a bochs with ram='0'", xml: domainXml({ devices: video("type='bochs' ram='0'") }) },
    { name: 'a qxl with accel3d off', xml: domainXml({ devices: video("type='qxl'", "<acceleration accel3d='no'/>") }) },
  ],
  invalid: [
    {
      name: 'a vga with two heads',
      xml: domainXml({ devices: video("type='vga' heads='«2»'") }),
      libvirtSays: "video type 'vga' doesn't support multiple 'heads'",
      fixed: [
        { title: "Change to 'virtio'", output: domainXml({ devices: video("type='virtio' heads='2'") }) },
        { title: "Change to heads='1'", output: domainXml({ devices: video("type='vga' heads='1'") }) },
      ],
    },
    {
      name: 'a cirrus with heads 0',
      xml: domainXml({ devices: video("type='cirrus' heads='«0»'") }),
      libvirtSays: "video type 'cirrus' doesn't support multiple 'heads'",
    },
    {
      name: 'ram on a virtio',
      xml: domainXml({ devices: video("type='virtio' ram='«65536»'") }),
      libvirtSays: 'ram attribute only supported for video type qxl',
      fixed: [{ title: 'Remove ram=', output: domainXml({ devices: video("type='virtio'") }) }],
    },
    {
      name: 'vgamem on a vga',
      xml: domainXml({ devices: video("type='vga' vgamem='«16384»'") }),
      libvirtSays: 'vgamem attribute only supported for video type qxl',
    },
    {
      name: 'vram64 on a bochs',
      xml: domainXml({ devices: video("type='bochs' vram64='«65536»'") }),
      libvirtSays: 'vram64 attribute only supported for video type qxl',
    },
    {
      name: 'ram on a video without a model type (not qxl on x86)',
      xml: domainXml({ devices: video("ram='«65536»'") }),
      libvirtSays: 'ram attribute only supported for video type qxl',
    },
    {
      name: 'a qxl vgamem below 1 MiB',
      xml: domainXml({ devices: video("type='qxl' vgamem='«512»'") }),
      libvirtSays: "value for 'vgamem' must be at least 1 MiB (1024 KiB)",
    },
    {
      name: 'a qxl vgamem not a power of two',
      xml: domainXml({ devices: video("type='qxl' vgamem='«10000»'") }),
      libvirtSays: "value for 'vgamem' must be power of two",
      fixed: [{ title: "Change to vgamem='16384'", output: domainXml({ devices: video("type='qxl' vgamem='16384'") }) }],
    },
    {
      name: 'a qxl vram over 4 GiB once rounded up',
      xml: domainXml({ devices: video("type='qxl' vram='«3000000»'") }),
      libvirtSays: "value for 'vram' must be less than '4194303'",
      noFix: 'how much video memory is wanted is for the user to say',
    },
    {
      name: 'a vga vram of 512 KiB',
      xml: domainXml({ devices: video("type='vga' vram='«512»'") }),
      libvirtSays: "value for 'vram' must be at least 1 MiB (1024 KiB)",
    },
    {
      name: 'accel3d on a qxl',
      xml: domainXml({ devices: video("type='qxl'", "<acceleration accel3d='«yes»'/>") }),
      libvirtSays: "3d acceleration is supported only with 'virtio' video device",
    },
    {
      name: 'accel2d on a virtio',
      xml: domainXml({ devices: video("type='virtio'", "<acceleration accel2d='«yes»'/>") }),
      libvirtSays: 'qemu does not support the accel2d setting',
    },
    {
      name: 'a rendernode without vhostuser',
      xml: domainXml({ devices: video("type='virtio'", "<acceleration accel3d='no' rendernode='«/dev/dri/renderD128»'/>") }),
      libvirtSays: "unsupported rendernode accel attribute without 'vhostuser'",
    },
    {
      name: 'a resolution on a cirrus',
      xml: domainXml({ devices: video("type='cirrus'", "<«resolution» x='1024' y='768'/>") }),
      libvirtSays: 'model resolution is not supported',
    },
    {
      name: 'a resolution of width 0',
      xml: domainXml({ devices: video("type='virtio'", "<resolution x='«0»' y='768'/>") }),
      libvirtSays: 'video resolution values must be greater than 0',
    },
    {
      name: 'the vhostuser driver on a qxl',
      xml: domainXml({ devices: video("type='qxl'", '', "\n      <driver name='«vhostuser»'/>") }),
      libvirtSays: "'vhostuser' driver is only supported with 'virtio' device",
    },
    {
      name: 'an address on a ramfb',
      xml: domainXml({
        devices: video("type='ramfb'", '', "\n      <«address» type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x0'/>"),
      }),
      libvirtSays: 'address not supported for video type ramfb',
    },
    {
      name: "a 'none' beside a vga",
      xml: domainXml({ devices: `${video("type='vga'")}\n${video("type='«none»'")}` }),
      libvirtSays: "a 'none' video type must be the only video device defined for the domain",
      fixed: [{ title: 'Remove this video device', output: domainXml({ devices: video("type='vga'") }) }],
    },
  ],
});
