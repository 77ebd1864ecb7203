import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const seclabel = (...labels: string[]) => domainXml({ extra: labels.map((label) => `  ${label}`).join('\n') });
const diskLabel = (label: string) =>
  domainXml({
    devices:
      "    <disk type='file' device='disk'>\n      <source file='/var/lib/libvirt/images/lint.qcow2'>\n" +
      `        ${label}\n      </source>\n      <target dev='vda' bus='virtio'/>\n    </disk>`,
  });

testRule({
  rule: 'seclabel-invalid',
  valid: [
    { name: 'no confinement', xml: seclabel("<seclabel type='none'/>") },
    { name: 'a dynamic label', xml: seclabel("<seclabel type='dynamic' model='dac' relabel='yes'/>") },
    {
      name: 'a static DAC label',
      xml: seclabel("<seclabel type='static' model='dac' relabel='no'>\n    <label>+0:+0</label>\n  </seclabel>"),
    },
    { name: "model 'none'", xml: seclabel("<seclabel type='dynamic' model='none'/>") },
    {
      name: 'one label per model',
      xml: seclabel("<seclabel type='none' model='dac'/>", "<seclabel type='none' model='selinux'/>"),
    },
    { name: 'a disk that is not relabelled', xml: diskLabel("<seclabel model='dac' relabel='no'/>") },
    {
      name: "a disk's own label",
      xml: diskLabel("<seclabel model='dac' relabel='yes'>\n          <label>+0:+0</label>\n        </seclabel>"),
    },
  ],
  invalid: [
    {
      name: "a dynamic label with relabel='no'",
      xml: seclabel("<seclabel type='dynamic' model='dac' relabel='«no»'/>"),
      libvirtSays: 'dynamic label type must use resource relabeling',
      fixed: [{ title: 'Remove relabel= (dynamic labels relabel)', output: seclabel("<seclabel type='dynamic' model='dac'/>") }],
    },
    {
      name: "type 'none' with relabel='yes'",
      xml: seclabel("<seclabel type='none' relabel='«yes»'/>"),
      libvirtSays: "resource relabeling is not compatible with 'none' label type",
      fixed: [{ title: 'Remove relabel=', output: seclabel("<seclabel type='none'/>") }],
    },
    {
      name: 'a static label without <label>',
      xml: seclabel("<«seclabel» type='static' model='dac'/>"),
      libvirtSays: 'security label is missing',
      noFix: 'the label is for the user to give',
    },
    {
      name: 'a static label without a model',
      xml: seclabel("<«seclabel» type='static'>\n    <label>+0:+0</label>\n  </seclabel>"),
      libvirtSays: 'missing security model in domain seclabel',
      noFix: 'the model is for the user to choose',
    },
    {
      name: 'two labels of one model',
      xml: seclabel("<seclabel type='none' model='dac'/>", "<seclabel type='none' model='«dac»'/>"),
      libvirtSays: 'seclabel for model dac is already provided',
      noFix: 'which one is meant is for the user to say',
    },
    {
      name: 'two labels, one without a model',
      xml: seclabel("<seclabel type='none' model='dac'/>", "<«seclabel» type='none'/>"),
      libvirtSays: 'missing security model when using multiple labels',
      noFix: 'the model is for the user to choose',
    },
    {
      name: 'an unknown label type',
      xml: seclabel("<seclabel type='«confined»'/>"),
      libvirtSays: "Invalid value for attribute 'type' in element 'seclabel': 'confined'.",
      noFix: 'the type is for the user to choose',
    },
    {
      name: "relabel='true'",
      xml: seclabel("<seclabel type='dynamic' relabel='«true»'/>"),
      libvirtSays: "Invalid value for attribute 'relabel' in element 'seclabel': 'true'.",
      noFix: 'yes or no is for the user to say',
    },
    {
      name: "a disk label with relabel='no'",
      xml: diskLabel("<seclabel model='dac' relabel='«no»'>\n          <label>+0:+0</label>\n        </seclabel>"),
      libvirtSays: 'Cannot specify a label if relabelling is turned off. model=dac',
      fixed: [
        {
          title: "Change to relabel='yes'",
          output: diskLabel("<seclabel model='dac' relabel='yes'>\n          <label>+0:+0</label>\n        </seclabel>"),
        },
      ],
    },
    {
      name: 'the label of a dynamic seclabel is dropped',
      xml: seclabel("<seclabel type='dynamic' model='dac' relabel='yes'>\n    <«label»>+107:+107</label>\n  </seclabel>"),
      fixed: [{ title: 'Remove the <label>', output: seclabel("<seclabel type='dynamic' model='dac' relabel='yes'>\n  </seclabel>") }],
    },
    {
      name: 'an image label is dropped',
      xml: seclabel(
        "<seclabel type='static' model='dac' relabel='yes'>\n    <label>+0:+0</label>\n    <«imagelabel»>+0:+0</imagelabel>\n  </seclabel>",
      ),
      fixed: [
        {
          title: 'Remove the <imagelabel>',
          output: seclabel("<seclabel type='static' model='dac' relabel='yes'>\n    <label>+0:+0</label>\n  </seclabel>"),
        },
      ],
    },
    {
      name: 'a model libvirt has no driver for: accepted, not started',
      xml: seclabel("<seclabel type='dynamic' model='«smack»'/>"),
      libvirt: 'accepts',
      noFix: 'the model is for the user to choose',
    },
  ],
});
