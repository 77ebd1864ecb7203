import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const aarch64 = { arch: 'aarch64', machine: 'virt' };
const clock = (...timers: string[]) => `  <clock offset='utc'>\n${timers.map((timer) => `    <timer ${timer}/>`).join('\n')}\n  </clock>`;

testRule({
  rule: 'timer-invalid',
  valid: [
    {
      name: 'the usual x86 clock',
      xml: domainXml({
        extra: clock(
          "name='rtc' tickpolicy='catchup'",
          "name='pit' tickpolicy='delay'",
          "name='hpet' present='no'",
          "name='kvmclock' present='yes'",
        ),
      }),
    },
    { name: 'kvmclock off on aarch64', xml: domainXml({ ...aarch64, extra: clock("name='kvmclock' present='no'") }) },
    { name: 'a pit that discards missed ticks', xml: domainXml({ extra: clock("name='pit' tickpolicy='discard'") }) },
    { name: 'an rtc that tracks the wall clock', xml: domainXml({ extra: clock("name='rtc' track='wall'") }) },
  ],
  invalid: [
    {
      name: 'kvmclock on aarch64',
      xml: domainXml({ ...aarch64, extra: clock("name='«kvmclock»' present='yes'") }),
      libvirtSays: "Configuring the 'kvmclock' timer is not supported for virtType=qemu arch=aarch64 machine=virt",
      fixed: [{ title: 'Remove this timer', output: domainXml({ ...aarch64, extra: "  <clock offset='utc'>\n  </clock>" }) }],
    },
    {
      name: 'hypervclock on aarch64',
      xml: domainXml({ ...aarch64, extra: clock("name='«hypervclock»' present='yes'") }),
      libvirtSays: "Configuring the 'hypervclock' timer is not supported for virtType=qemu arch=aarch64",
    },
    {
      name: 'the armvtimer on x86',
      xml: domainXml({ extra: clock("name='«armvtimer»' tickpolicy='delay'") }),
      libvirtSays: "Configuring the 'armvtimer' timer is not supported for virtType=qemu arch=x86_64",
    },
    {
      name: 'the armvtimer without KVM',
      xml: domainXml({ ...aarch64, extra: clock("name='«armvtimer»' tickpolicy='delay'") }),
      libvirtSays: "Configuring the 'armvtimer' timer is not supported for virtType=qemu arch=aarch64",
    },
    {
      name: 'an HPET on aarch64',
      xml: domainXml({ ...aarch64, extra: clock("name='«hpet»' present='yes'") }),
      libvirtSays: 'hpet timer is not supported',
    },
    {
      name: 'the platform timer',
      xml: domainXml({ extra: clock("name='«platform»'") }),
      libvirtSays: "unsupported timer type (name) 'platform'",
    },
    {
      name: 'an rtc that tracks the boot time',
      xml: domainXml({ extra: clock("name='rtc' track='«boot»'") }),
      libvirtSays: "unsupported rtc timer track 'boot'",
      fixed: [{ title: "Change to track='guest'", output: domainXml({ extra: clock("name='rtc' track='guest'") }) }],
    },
    {
      name: 'an rtc that merges missed ticks',
      xml: domainXml({ extra: clock("name='rtc' tickpolicy='«merge»'") }),
      libvirtSays: "unsupported rtc timer tickpolicy 'merge'",
    },
    {
      name: 'a pit that merges missed ticks',
      xml: domainXml({ extra: clock("name='pit' tickpolicy='«merge»'") }),
      libvirtSays: "unsupported pit tickpolicy 'merge'",
    },
  ],
});
