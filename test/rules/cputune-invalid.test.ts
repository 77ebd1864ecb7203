import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const cputune = (pins: string, vcpus = 2, extra = '') =>
  domainXml({ extra: `  <vcpu>${vcpus}</vcpu>${extra}\n  <cputune>\n${pins}\n  </cputune>` });
const iothreads = '\n  <iothreads>2</iothreads>';

testRule({
  rule: 'cputune-invalid',
  valid: [
    {
      name: 'a pin per vCPU, one emulatorpin, schedulers of separate vCPUs',
      xml: cputune(
        "    <vcpupin vcpu='0' cpuset='0'/>\n    <vcpupin vcpu='1' cpuset='1'/>\n    <emulatorpin cpuset='0-1'/>\n    <vcpusched vcpus='0' scheduler='fifo' priority='1'/>\n    <vcpusched vcpus='1' scheduler='batch'/>",
      ),
    },
    {
      name: 'I/O threads counted by <iothreads>',
      xml: cputune("    <iothreadpin iothread='2' cpuset='0'/>\n    <iothreadsched iothreads='1-2' scheduler='idle'/>", 2, iothreads),
    },
    {
      name: 'I/O threads given by id',
      xml: cputune("    <iothreadpin iothread='7' cpuset='0'/>", 2, "\n  <iothreadids>\n    <iothread id='7'/>\n  </iothreadids>"),
    },
  ],
  invalid: [
    {
      name: 'two pins for one vCPU',
      xml: cputune("    <vcpupin vcpu='1' cpuset='0'/>\n    <vcpupin vcpu='«1»' cpuset='1'/>"),
      libvirtSays: "duplicate vcpupin for vcpu '1'",
      fixed: [{ title: 'Remove this <vcpupin>', output: cputune("    <vcpupin vcpu='1' cpuset='0'/>") }],
    },
    {
      name: 'a pin for a vCPU the domain lacks (dropped)',
      xml: cputune("    <vcpupin vcpu='0' cpuset='0'/>\n    <vcpupin vcpu='«4»' cpuset='1'/>"),
      libvirt: 'accepts',
      fixed: [{ title: 'Remove this <vcpupin>', output: cputune("    <vcpupin vcpu='0' cpuset='0'/>") }],
    },
    {
      name: 'two emulatorpins',
      xml: cputune("    <emulatorpin cpuset='0'/>\n    <«emulatorpin» cpuset='1'/>"),
      libvirtSays: 'only one emulatorpin is supported',
      noFix: 'which of the two is meant is for the user to say',
    },
    {
      name: 'an iothreadpin for an I/O thread the domain lacks',
      xml: cputune("    <iothreadpin iothread='«3»' cpuset='0'/>", 2, iothreads),
      libvirtSays: "Cannot find 'iothread' : 3",
      noFix: 'the thread may be missing from <iothreads> or the pin wrong',
    },
    {
      name: 'two iothreadpins for one thread',
      xml: cputune("    <iothreadpin iothread='1' cpuset='0'/>\n    <iothreadpin iothread='«1»' cpuset='1'/>", 2, iothreads),
      libvirtSays: "duplicate iothreadpin for same iothread '1'",
      fixed: [{ title: 'Remove this <iothreadpin>', output: cputune("    <iothreadpin iothread='1' cpuset='0'/>", 2, iothreads) }],
    },
    {
      name: 'a vcpusched for a vCPU the domain lacks',
      xml: cputune("    <vcpusched vcpus='«0-2»' scheduler='batch'/>"),
      libvirtSays: "vCPU '2' is not present in domain definition",
      noFix: 'the vCPU count or the set may be wrong',
    },
    {
      name: 'two vcpusched sharing a vCPU',
      xml: cputune("    <vcpusched vcpus='0-1' scheduler='fifo' priority='1'/>\n    <vcpusched vcpus='«1»' scheduler='rr' priority='1'/>"),
      libvirtSays: "'vcpusched' attributes 'vcpus' must not overlap",
      noFix: 'which scheduler the vCPU should have is for the user to say',
    },
    {
      name: 'an iothreadsched for a thread the domain lacks',
      xml: cputune("    <iothreadsched iothreads='«1»' scheduler='batch'/>"),
      libvirtSays: "Cannot find 'iothread' : 1",
      noFix: 'the domain has no I/O threads to schedule',
    },
    {
      name: 'two iothreadsched sharing a thread',
      xml: cputune(
        "    <iothreadsched iothreads='1-2' scheduler='batch'/>\n    <iothreadsched iothreads='«2»' scheduler='idle'/>",
        2,
        iothreads,
      ),
      libvirtSays: "'iothreadsched' attributes 'iothreads' must not overlap",
      noFix: 'which scheduler the thread should have is for the user to say',
    },
    {
      name: 'two emulatorsched',
      xml: cputune("    <emulatorsched scheduler='batch'/>\n    <«emulatorsched» scheduler='idle'/>"),
      libvirtSays: 'only one emulatorsched is supported',
      noFix: 'which of the two is meant is for the user to say',
    },
  ],
});
