import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const withCommandline = (domainAttributes: string, tag = 'qemu:commandline') =>
  domainXml({ extra: `  <${tag}>\n    <qemu:arg value='-no-hpet'/>\n  </qemu:commandline>` }).replace(
    "<domain type='qemu'>",
    `<domain type='qemu'${domainAttributes}>`,
  );

testRule({
  rule: 'qemu-namespace-undeclared',
  valid: [{ name: 'the namespace declared on <domain>', xml: withCommandline(" xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'") }],
  invalid: [
    {
      name: 'no declaration: libvirt drops the arguments',
      xml: withCommandline('', '«qemu:commandline»'),
      messages: ['libvirt silently drops <qemu:commandline>: <domain> does not declare xmlns:qemu'],
    },
    {
      name: 'a wrong namespace URI',
      xml: withCommandline(" xmlns:qemu='http://libvirt.org/schemas/domain/qemu/2.0'", '«qemu:commandline»'),
      messages: ["xmlns:qemu is 'http://libvirt.org/schemas/domain/qemu/2.0'"],
    },
  ],
});
