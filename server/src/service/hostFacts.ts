// Facts about the host the language service may use. They come in through this one interface so that the
// CLI, the language server and the tests can each supply their own.

export interface HostFacts {
  /** The host's architecture in libvirt's spelling (x86_64, aarch64, ppc64le, s390x, ...). */
  readonly arch: string;
}

const NODE_TO_LIBVIRT_ARCH: Record<string, string> = {
  x64: 'x86_64', ia32: 'i686', arm64: 'aarch64', arm: 'armv7l', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64',
  loong64: 'loongarch64', mips64el: 'mips64el',
};

export function libvirtArchOf(nodeArch: string): string {
  return NODE_TO_LIBVIRT_ARCH[nodeArch] ?? nodeArch;
}

export function localHostFacts(overrides: Partial<HostFacts> = {}): HostFacts {
  return { arch: libvirtArchOf(process.arch), ...overrides };
}
