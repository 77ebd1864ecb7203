// Builds small but complete domain documents for rule tables: libvirt accepts them unless a case breaks them.

export interface DomainParts {
  readonly type?: string;
  readonly name?: string;
  readonly arch?: string;
  readonly machine?: string;
  /** Extra content of <os> after <type>. */
  readonly os?: string;
  /** Attributes added to <os>, e.g. " firmware='efi'". */
  readonly osAttributes?: string;
  readonly memory?: string;
  readonly features?: string;
  readonly cpu?: string;
  readonly devices?: string;
  /** Anything else at the top level (metadata, vcpu...). */
  readonly extra?: string;
}

export function domainXml(parts: DomainParts = {}): string {
  const lines = [
    `<domain type='${parts.type ?? 'qemu'}'>`,
    `  <name>${parts.name ?? 'lint-test'}</name>`,
    parts.memory ?? "  <memory unit='MiB'>512</memory>",
    parts.extra ?? '',
    `  <os${parts.osAttributes ?? ''}>`,
    `    <type arch='${parts.arch ?? 'x86_64'}' machine='${parts.machine ?? 'q35'}'>hvm</type>`,
    parts.os ?? '',
    '  </os>',
    parts.features !== undefined ? `  <features>\n${parts.features}\n  </features>` : '',
    parts.cpu ?? '',
    '  <devices>',
    parts.devices ?? '',
    '  </devices>',
    '</domain>',
  ];
  return `${lines.filter((line) => line !== '').join('\n')}\n`;
}
