// This machine's architecture in libvirt's spelling (x86_64, aarch64...), from Node's (x64, arm64...).

const NODE_TO_LIBVIRT_ARCH: Readonly<Record<string, string>> = {
  x64: 'x86_64',
  ia32: 'i686',
  arm64: 'aarch64',
  arm: 'armv7l',
  ppc64: 'ppc64le',
  s390x: 's390x',
  riscv64: 'riscv64',
  loong64: 'loongarch64',
  mips64el: 'mips64el',
};

export function libvirtArchOf(nodeArch: string): string {
  return NODE_TO_LIBVIRT_ARCH[nodeArch] ?? nodeArch;
}

export function localHostArch(): string {
  return libvirtArchOf(process.arch);
}
