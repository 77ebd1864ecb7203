import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const input = (xml: string) => domainXml({ devices: `    ${xml}` });

testRule({
  rule: 'input-source-missing',
  valid: [
    {
      name: 'an evdev input',
      xml: input("<input type='evdev'>\n      <source dev='/dev/input/event0' grab='all' repeat='on'/>\n    </input>"),
    },
    {
      name: 'a passthrough input',
      xml: input("<input type='passthrough' bus='virtio'>\n      <source evdev='/dev/input/event1'/>\n    </input>"),
    },
    { name: 'a tablet has no source', xml: input("<input type='tablet' bus='usb'/>") },
  ],
  invalid: [
    {
      name: 'an evdev <source> without dev=',
      xml: input("<input type='evdev'>\n      <«source» grab='all'/>\n    </input>"),
      libvirtSays: 'Missing evdev path for input device',
      noFix: 'the device path is for the user to give',
    },
    {
      name: 'a passthrough <source> with dev= instead of evdev=',
      xml: input("<input type='passthrough' bus='virtio'>\n      <«source» dev='/dev/input/event1'/>\n    </input>"),
      libvirtSays: 'Missing evdev path for input device',
      fixed: [
        {
          title: 'Change dev= to evdev=',
          output: input("<input type='passthrough' bus='virtio'>\n      <source evdev='/dev/input/event1'/>\n    </input>"),
        },
      ],
    },
    {
      name: 'an evdev input without <source>: accepted, not started',
      xml: input("<«input» type='evdev'/>"),
      libvirt: 'accepts',
      noFix: 'the device path is for the user to give',
    },
    {
      name: 'a passthrough input without <source>: accepted, not started',
      xml: input("<«input» type='passthrough' bus='virtio'/>"),
      libvirt: 'accepts',
      noFix: 'the device path is for the user to give',
    },
  ],
});
