import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const tpm = (inner: string) => `    <tpm model='tpm-crb'>\n${inner}\n    </tpm>`;
const emulator2 = "      <backend type='emulator' version='2.0'/>";

testRule({
  rule: 'tpm-invalid',
  valid: [
    { name: 'a TPM 2.0 CRB on q35', xml: domainXml({ devices: tpm(emulator2) }) },
    {
      name: 'a TIS TPM on x86 without version (TPM 1.2)',
      xml: domainXml({ devices: "    <tpm model='tpm-tis'>\n      <backend type='emulator'/>\n    </tpm>" }),
    },
    {
      name: 'a TIS TPM on ARM virt without version (TPM 2.0)',
      xml: domainXml({
        arch: 'aarch64',
        machine: 'virt',
        devices: "    <tpm model='tpm-tis'>\n      <backend type='emulator'/>\n    </tpm>",
      }),
    },
    {
      name: 'TPM 2.0 with PCR banks, persistent state and an encryption secret',
      xml: domainXml({
        devices: tpm(
          "      <backend type='emulator' version='2.0' persistent_state='yes'>\n" +
            "        <encryption secret='32ee7e76-2178-47a1-ab7b-269e6e348015'/>\n" +
            '        <active_pcr_banks>\n          <sha256/>\n          <sha384/>\n        </active_pcr_banks>\n      </backend>',
        ),
      }),
    },
    {
      name: "the host's TPM passed through",
      xml: domainXml({ devices: tpm("      <backend type='passthrough'>\n        <device path='/dev/tpm0'/>\n      </backend>") }),
    },
    {
      name: "an external swtpm's socket",
      xml: domainXml({
        devices: tpm(
          "      <backend type='external'>\n        <source type='unix' mode='connect' path='/run/swtpm.sock'/>\n      </backend>",
        ),
      }),
    },
  ],
  invalid: [
    {
      name: 'a CRB TPM on aarch64',
      xml: domainXml({ arch: 'aarch64', machine: 'virt', devices: `    <tpm model='«tpm-crb»'>\n${emulator2}\n    </tpm>` }),
      libvirtSays: 'does not support TPM model tpm-crb',
      fixed: [
        {
          title: "Change to model='tpm-tis'",
          output: domainXml({ arch: 'aarch64', machine: 'virt', devices: `    <tpm model='tpm-tis'>\n${emulator2}\n    </tpm>` }),
        },
      ],
    },
    {
      name: 'a pSeries TPM on x86_64',
      xml: domainXml({ devices: `    <tpm model='«tpm-spapr»'>\n${emulator2}\n    </tpm>` }),
      libvirtSays: 'does not support TPM model tpm-spapr',
    },
    {
      name: 'TPM 1.2 with tpm-crb',
      xml: domainXml({ devices: tpm("      <backend type='emulator' version='«1.2»'/>") }),
      libvirtSays: "Unsupported interface 'tpm-crb' for TPM 1.2",
      fixed: [{ title: "Change to version='2.0'", output: domainXml({ devices: tpm(emulator2) }) }],
    },
    {
      name: 'TPM 1.2 on ARM',
      xml: domainXml({
        arch: 'aarch64',
        machine: 'virt',
        devices: "    <tpm model='tpm-tis'>\n      <backend type='emulator' version='«1.2»'/>\n    </tpm>",
      }),
      libvirtSays: 'TPM 1.2 is not supported on ARM',
    },
    {
      name: 'PCR banks on a TIS TPM of the default version (1.2 on x86)',
      xml: domainXml({
        devices:
          "    <tpm model='tpm-tis'>\n      <backend type='emulator'>\n        <«active_pcr_banks»>\n          <sha256/>\n        </active_pcr_banks>\n      </backend>\n    </tpm>",
      }),
      libvirtSays: "<active_pcr_banks/> requires TPM version '2.0'",
      fixed: [
        {
          title: "Add version='2.0'",
          output: domainXml({
            devices:
              "    <tpm model='tpm-tis'>\n      <backend type='emulator' version='2.0'>\n        <active_pcr_banks>\n          <sha256/>\n        </active_pcr_banks>\n      </backend>\n    </tpm>",
          }),
        },
      ],
    },
    {
      name: 'an unknown PCR bank',
      xml: domainXml({
        devices: tpm(
          "      <backend type='emulator' version='2.0'>\n        <active_pcr_banks>\n          <«sha3»/>\n        </active_pcr_banks>\n      </backend>",
        ),
      }),
      libvirtSays: "Unsupported PCR banks 'sha3'",
    },
    {
      name: 'persistent_state neither yes nor no',
      xml: domainXml({ devices: tpm("      <backend type='emulator' version='2.0' persistent_state='«true»'/>") }),
      libvirtSays: "Invalid persistent_state value, either 'yes' or 'no'",
    },
    {
      name: 'an encryption secret that is not a UUID',
      xml: domainXml({
        devices: tpm("      <backend type='emulator' version='2.0'>\n        <encryption secret='«vtpm-key»'/>\n      </backend>"),
      }),
      libvirtSays: "Unable to parse secret uuid 'vtpm-key'",
      noFix: "the secret's UUID is the user's (virsh secret-list)",
    },
    {
      name: 'two backends',
      xml: domainXml({ devices: tpm(`${emulator2}\n      <«backend» type='passthrough'/>`) }),
      libvirtSays: 'only one TPM backend is supported',
    },
    {
      name: 'no backend',
      xml: domainXml({ devices: "    <«tpm» model='tpm-crb'/>" }),
      libvirtSays: 'missing TPM device backend',
    },
    {
      name: 'an external TPM on a file',
      xml: domainXml({
        devices: tpm("      <backend type='external'>\n        <source type='«file»' path='/run/swtpm.sock'/>\n      </backend>"),
      }),
      libvirtSays: "only source type 'unix' is supported for external TPM device",
    },
    {
      name: 'an external TPM without a source type',
      xml: domainXml({ devices: tpm("      <backend type='external'>\n        <«source» path='/run/swtpm.sock'/>\n      </backend>") }),
      libvirtSays: 'missing external TPM backend type',
    },
    {
      name: 'an external TPM that listens',
      xml: domainXml({
        devices: tpm(
          "      <backend type='external'>\n        <source type='unix' mode='«bind»' path='/run/swtpm.sock'/>\n      </backend>",
        ),
      }),
      libvirtSays: "only 'client' mode is supported for external TPM device",
    },
    {
      name: 'an external TPM without a socket path',
      xml: domainXml({ devices: tpm("      <backend type='external'>\n        <«source» type='unix' mode='connect'/>\n      </backend>") }),
      libvirtSays: 'missing socket path for external TPM device',
      noFix: "the socket is swtpm's, wherever it was started",
    },
    {
      name: 'a version on a passthrough backend (dropped)',
      xml: domainXml({
        devices: tpm("      <backend type='passthrough' version='«2.0»'>\n        <device path='/dev/tpm0'/>\n      </backend>"),
      }),
    },
    {
      name: 'a device in an emulator backend (dropped)',
      xml: domainXml({
        devices: tpm("      <backend type='emulator' version='2.0'>\n        <«device» path='/dev/tpm0'/>\n      </backend>"),
      }),
    },
  ],
});
