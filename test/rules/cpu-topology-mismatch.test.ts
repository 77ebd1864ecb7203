import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const withVcpu = (vcpu: string, topology: string) =>
  domainXml({ extra: `  <vcpu placement='static'>${vcpu}</vcpu>`, cpu: `  <cpu mode='host-model'>\n    <${topology}/>\n  </cpu>` });

testRule({
  rule: 'cpu-topology-mismatch',
  libvirtSays: "CPU topology doesn't match maximum vcpu count",
  valid: [
    { name: '1 × 1 × 4 × 2 = 8', xml: withVcpu('8', "topology sockets='1' dies='1' cores='4' threads='2'") },
    { name: 'dies omitted', xml: withVcpu('4', "topology sockets='2' cores='2' threads='1'") },
    { name: 'no <vcpu> means 1', xml: domainXml({ cpu: "  <cpu>\n    <topology sockets='1' cores='1' threads='1'/>\n  </cpu>" }) },
  ],
  invalid: [
    {
      name: 'vCPUs raised to 8 without touching the topology',
      xml: withVcpu('8', "«topology» sockets='1' dies='1' cores='2' threads='2'"),
      messages: ['1 sockets × 1 dies × 2 cores × 2 threads = 4 vCPUs, but <vcpu> is 8'],
    },
  ],
});
