import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const spice = "    <graphics type='spice'/>\n";

testRule({
  rule: 'chardev-invalid',
  valid: [
    {
      name: "virt-install's serial console, guest agent and SPICE agent",
      xml: domainXml({
        devices:
          spice +
          "    <serial type='pty'><target type='isa-serial' port='0'><model name='isa-serial'/></target></serial>\n" +
          "    <console type='pty'><target type='serial' port='0'/></console>\n" +
          "    <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>\n" +
          "    <channel type='spicevmc'><target type='virtio' name='com.redhat.spice.0'/></channel>",
      }),
    },
    {
      name: 'a file, a tcp client that reconnects and a udp pair',
      xml: domainXml({
        devices:
          "    <serial type='file'><source path='/var/log/lint-serial.log'/></serial>\n" +
          "    <serial type='tcp'><source mode='connect' host='127.0.0.1' service='4555'><reconnect enabled='yes' timeout='10'/></source></serial>\n" +
          "    <serial type='udp'><source mode='bind' host='0.0.0.0' service='4556'/><source mode='connect' host='127.0.0.1' service='4557'/></serial>",
      }),
    },
    {
      name: 'a tcp server without reconnect, a unix client with it',
      xml: domainXml({
        devices:
          "    <serial type='tcp'><source mode='bind' host='127.0.0.1' service='4555'/><protocol type='telnet'/></serial>\n" +
          "    <channel type='unix'><source mode='connect' path='/tmp/lint.sock'><reconnect enabled='yes' timeout='5'/></source><target type='virtio' name='org.example.0'/></channel>",
      }),
    },
    {
      name: 'a guestfwd channel',
      xml: domainXml({
        devices:
          "    <channel type='pipe'><source path='/tmp/lint-fwd'/><target type='guestfwd' address='10.0.2.1' port='4600'/></channel>",
      }),
    },
    {
      name: 'PCI, USB and debug serial ports on their addresses',
      xml: domainXml({
        devices:
          "    <serial type='pty'><target type='pci-serial'/><address type='pci' domain='0' bus='0' slot='9' function='0'/></serial>\n" +
          "    <serial type='pty'><target type='usb-serial'/><address type='usb' bus='0' port='1'/></serial>\n" +
          "    <serial type='pty'><target type='isa-debug'><model name='isa-debugcon'/></target></serial>\n" +
          "    <controller type='usb' model='qemu-xhci'/>",
      }),
    },
    {
      name: 'a serial console and a virtio console',
      xml: domainXml({
        devices: "    <console type='pty'/>\n    <console type='pty'><target type='virtio'/></console>",
      }),
    },
    {
      name: 'the pl011 of an ARM virt machine',
      xml: domainXml({
        arch: 'aarch64',
        machine: 'virt',
        devices: "    <serial type='pty'><target type='system-serial'><model name='pl011'/></target></serial>",
      }),
    },
    {
      name: 'a spiceport with a channel name',
      xml: domainXml({ devices: `${spice}    <serial type='spiceport'><source channel='org.qemu.console.serial.0'/></serial>` }),
    },
  ],
  invalid: [
    {
      name: 'a file serial port without a path',
      xml: domainXml({ devices: "    <«serial» type='file'><target port='0'/></serial>" }),
      libvirtSays: 'Missing source path attribute for char device',
      noFix: "the path is the user's to choose",
    },
    {
      name: 'a pipe with an empty <source>',
      xml: domainXml({ devices: "    <serial type='pipe'><«source»/></serial>" }),
      libvirtSays: 'Missing source path attribute for char device',
      noFix: "the path is the user's to choose",
    },
    {
      name: 'a unix serial port without a path',
      xml: domainXml({ devices: "    <serial type='unix'><«source» mode='bind'/></serial>" }),
      libvirtSays: 'Missing source path attribute for char device',
      noFix: "the path is the user's to choose",
    },
    {
      name: 'a tcp serial port without host=',
      xml: domainXml({ devices: "    <serial type='tcp'><«source» mode='bind' service='4555'/></serial>" }),
      libvirtSays: 'Missing source host attribute for char device',
      noFix: "the host is the user's to choose",
    },
    {
      name: 'a tcp serial port without service=',
      xml: domainXml({ devices: "    <serial type='tcp'><«source» mode='bind' host='127.0.0.1'/></serial>" }),
      libvirtSays: 'Missing source service attribute for char device',
      noFix: "the port is the user's to choose",
    },
    {
      name: 'a udp serial port that only binds',
      xml: domainXml({ devices: "    <serial type='udp'><«source» mode='bind' host='127.0.0.1' service='4555'/></serial>" }),
      libvirtSays: 'Missing source service attribute for char device',
      noFix: "where the packets go is the user's to choose",
    },
    {
      name: 'reconnect on a tcp server',
      xml: domainXml({
        devices:
          "    <serial type='tcp'><source mode='bind' host='127.0.0.1' service='4555'><«reconnect» enabled='yes' timeout='10'/></source></serial>",
      }),
      libvirtSays: 'chardev reconnect is possible only for connect mode',
      fixed: [
        {
          title: 'Remove <reconnect>',
          output: domainXml({ devices: "    <serial type='tcp'><source mode='bind' host='127.0.0.1' service='4555'></source></serial>" }),
        },
      ],
    },
    {
      name: "reconnect enabled='no' on a unix server",
      xml: domainXml({
        devices: "    <serial type='unix'><source mode='bind' path='/tmp/lint.sock'><«reconnect» enabled='no'/></source></serial>",
      }),
      libvirtSays: 'chardev reconnect is possible only for connect mode',
    },
    {
      name: 'reconnect on a guest agent socket libvirt names (QEMU listens on it)',
      xml: domainXml({
        devices:
          "    <channel type='unix'><source mode='connect'><«reconnect» enabled='yes' timeout='5'/></source><target type='virtio' name='org.qemu.guest_agent.0'/></channel>",
      }),
      libvirtSays: 'chardev reconnect is possible only for connect mode',
    },
    {
      name: 'a reconnect timeout of 0',
      xml: domainXml({
        devices:
          "    <serial type='tcp'><source mode='connect' host='127.0.0.1' service='4555'><reconnect enabled='yes' timeout='«0»'/></source></serial>",
      }),
      libvirtSays: "chardev reconnect source timeout cannot be '0'",
      fixed: [
        {
          title: "Change to timeout='10'",
          output: domainXml({
            devices:
              "    <serial type='tcp'><source mode='connect' host='127.0.0.1' service='4555'><reconnect enabled='yes' timeout='10'/></source></serial>",
          }),
        },
      ],
    },
    {
      name: 'two sources on a pty',
      xml: domainXml({ devices: "    <serial type='pty'><source path='/dev/pts/1'/><«source» path='/dev/pts/2'/></serial>" }),
      libvirtSays: 'only one source element is allowed for character device',
    },
    {
      name: 'three sources on udp',
      xml: domainXml({
        devices:
          "    <serial type='udp'><source mode='bind' service='4555'/><source mode='connect' service='4556'/><«source» mode='connect' service='4557'/></serial>",
      }),
      libvirtSays: 'only two source elements are allowed for character device',
    },
    {
      name: 'two logs',
      xml: domainXml({ devices: "    <serial type='pty'><log file='/tmp/lint-a.log'/><«log» file='/tmp/lint-b.log'/></serial>" }),
      libvirtSays: 'only one log element is allowed for character device',
    },
    {
      name: 'two protocols',
      xml: domainXml({
        devices:
          "    <serial type='tcp'><source mode='bind' host='127.0.0.1' service='4555'/><protocol type='raw'/><«protocol» type='telnet'/></serial>",
      }),
      libvirtSays: 'only one protocol element is allowed for character device',
    },
    {
      name: 'a spiceport without a channel name',
      xml: domainXml({ devices: `${spice}    <serial type='spiceport'><«source»/></serial>` }),
      libvirtSays: 'Missing source channel attribute for char device',
      noFix: "the channel name is the user's to choose",
    },
    {
      name: 'a spiceport channel name with a space',
      xml: domainXml({ devices: `${spice}    <serial type='spiceport'><source channel='«org qemu»'/></serial>` }),
      libvirtSays: 'Invalid character in source channel for char device',
    },
    {
      name: 'an nmdm port with a master only',
      xml: domainXml({ devices: "    <serial type='nmdm'><«source» master='/dev/nmdm0A'/></serial>" }),
      libvirtSays: 'Should define both master and slave path attributes for nmdm device',
      noFix: "the other device is the user's to name",
    },
    {
      name: 'a channel without a target',
      xml: domainXml({ devices: "    <«channel» type='pty'/>" }),
      libvirtSays: 'target type must be specified for channel device',
    },
    {
      name: 'a guestfwd channel without an address',
      xml: domainXml({ devices: "    <channel type='pty'><«target» type='guestfwd' port='80'/></channel>" }),
      libvirtSays: 'guestfwd channel does not define a target address',
      noFix: "the IPv4 address the guest sees is the user's to choose",
    },
    {
      name: 'a guestfwd channel on IPv6',
      xml: domainXml({ devices: "    <channel type='pty'><target type='guestfwd' address='«fd00::1»' port='80'/></channel>" }),
      libvirtSays: 'guestfwd channel only supports IPv4 addresses',
      noFix: "the IPv4 address the guest sees is the user's to choose",
    },
    {
      name: 'a guestfwd channel on a host name',
      xml: domainXml({ devices: "    <channel type='pty'><target type='guestfwd' address='«gateway»' port='80'/></channel>" }),
      libvirtSays: "Cannot parse socket address 'gateway'",
      noFix: "the IPv4 address the guest sees is the user's to choose",
    },
    {
      name: 'a spicevmc serial port',
      xml: domainXml({ devices: `${spice}    <«serial» type='spicevmc'/>` }),
      libvirtSays: 'spicevmc device type only supports virtio',
    },
    {
      name: 'a spicevmc guestfwd channel',
      xml: domainXml({
        devices: `${spice}    <«channel» type='spicevmc'><target type='guestfwd' address='10.0.2.1' port='80'/></channel>`,
      }),
      libvirtSays: 'spicevmc device type only supports virtio',
    },
    {
      name: 'a second serial console',
      xml: domainXml({
        devices:
          "    <serial type='pty'/>\n    <console type='pty'><target type='serial'/></console>\n    <console type='pty'><target type='«serial»'/></console>",
      }),
      libvirtSays: 'Only the first console can be a serial port',
      fixed: [
        {
          title: "Change to <target type='virtio'>",
          output: domainXml({
            devices:
              "    <serial type='pty'/>\n    <console type='pty'><target type='serial'/></console>\n    <console type='pty'><target type='virtio'/></console>",
          }),
        },
      ],
    },
    {
      name: 'a xen console in a QEMU guest',
      xml: domainXml({ devices: "    <console type='pty'><target type='«xen»'/></console>" }),
      libvirtSays: 'unsupported console target type xen',
    },
    {
      name: 'a second console without a target type',
      xml: domainXml({ devices: "    <console type='pty'/>\n    <«console» type='pty'/>" }),
      libvirtSays: 'Only the first console can be a serial port',
      fixed: [
        {
          title: "Change to <target type='virtio'>",
          output: domainXml({
            devices: "    <console type='pty'/>\n    <console type='pty'>\n      <target type='virtio'/>\n    </console>",
          }),
        },
      ],
    },
    {
      name: 'an sclp console on x86',
      xml: domainXml({ devices: "    <console type='pty'><target type='«sclp»'/></console>" }),
      libvirtSays: 'sclpconsole is not supported in this QEMU binary',
    },
    {
      name: 'five ISA serial ports',
      xml: domainXml({
        devices:
          "    <serial type='pty'><target type='isa-serial' port='0'/></serial>\n" +
          "    <serial type='pty'><target type='isa-serial' port='1'/></serial>\n" +
          "    <serial type='pty'><target type='isa-serial' port='2'/></serial>\n" +
          "    <serial type='pty'><target type='isa-serial' port='3'/></serial>\n" +
          "    <«serial» type='pty'><target type='isa-serial'/></serial>",
      }),
      libvirtSays: "Maximum supported number of ISA serial ports is '4'",
      noFix: "which port to drop is the user's choice",
    },
    {
      name: 'ISA serial port 4',
      xml: domainXml({ devices: "    <serial type='pty'><target type='isa-serial' port='«4»'/></serial>" }),
      libvirtSays: "Maximum supported number of ISA serial ports is '4'",
      noFix: "which port to use is the user's choice",
    },
    {
      name: 'two ISA serial ports 1',
      xml: domainXml({
        devices:
          "    <serial type='pty'><target type='isa-serial' port='1'/></serial>\n    <serial type='pty'><target type='isa-serial' port='«1»'/></serial>",
      }),
      libvirtSays: "target port '1' already allocated",
      noFix: "which port to use is the user's choice",
    },
    {
      name: 'an isa-debug port on ARM',
      xml: domainXml({ arch: 'aarch64', machine: 'virt', devices: "    <serial type='pty'><target type='«isa-debug»'/></serial>" }),
      libvirtSays: 'isa-debug serial type only valid on x86 architecture',
      noFix: 'an ARM guest has no ISA debug port',
    },
    {
      name: 'a usb-serial port on a PCI address',
      xml: domainXml({ devices: "    <serial type='pty'><target type='usb-serial'/><address type='«pci»'/></serial>" }),
      libvirtSays: 'usb-serial requires address of usb type',
      fixed: [
        {
          title: 'Remove the <address> (libvirt assigns one)',
          output: domainXml({ devices: "    <serial type='pty'><target type='usb-serial'/></serial>" }),
        },
      ],
    },
    {
      name: 'a pci-serial port on a USB address',
      xml: domainXml({
        devices: "    <serial type='pty'><target type='pci-serial'/><address type='«usb»' bus='0' port='1'/></serial>",
      }),
      libvirtSays: "Target type 'pci-serial' requires address type 'pci'",
    },
    {
      name: 'the default serial port (isa-serial on x86) on a PCI address',
      xml: domainXml({ devices: "    <serial type='pty'><address type='«pci»'/></serial>" }),
      libvirtSays: "Target type 'isa-serial' requires address type 'isa'",
    },
    {
      name: 'a system-serial port with an address',
      xml: domainXml({
        arch: 'aarch64',
        machine: 'virt',
        devices: "    <serial type='pty'><target type='system-serial'/><address type='«pci»'/></serial>",
      }),
      libvirtSays: "Target type 'system-serial' cannot have an associated address",
    },
    {
      name: 'a pci-serial model on the default x86 serial port',
      xml: domainXml({ devices: "    <serial type='pty'><target><model name='«pci-serial»'/></target></serial>" }),
      libvirtSays: "Target model 'pci-serial' requires target type 'pci-serial'",
      fixed: [
        {
          title: 'Remove the <model> (libvirt picks the one of the port)',
          output: domainXml({ devices: "    <serial type='pty'><target></target></serial>" }),
        },
      ],
    },
    {
      name: 'a pl011 on an x86 machine',
      xml: domainXml({ devices: "    <serial type='pty'><target type='«system-serial»'><model name='pl011'/></target></serial>" }),
      libvirtSays:
        "Serial device with target type 'system-serial' and target model 'pl011' not compatible with guest architecture or machine type",
      fixed: [
        {
          title: "Change to <target type='isa-serial'>",
          output: domainXml({ devices: "    <serial type='pty'><target type='isa-serial'></target></serial>" }),
        },
      ],
    },
    {
      name: 'a pSeries serial port on x86',
      xml: domainXml({ devices: "    <serial type='pty'><target type='«spapr-vio-serial»'/></serial>" }),
      libvirtSays:
        "Serial device with target type 'spapr-vio-serial' and target model 'spapr-vty' not compatible with guest architecture or machine type",
    },
    {
      name: 'an s390 serial port on ARM',
      xml: domainXml({ arch: 'aarch64', machine: 'virt', devices: "    <serial type='pty'><target type='«sclp-serial»'/></serial>" }),
      libvirtSays:
        "Serial device with target type 'sclp-serial' and target model 'sclpconsole' not compatible with guest architecture or machine type",
    },
  ],
});
