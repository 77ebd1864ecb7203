// The drive address (controller:bus:target.unit) libvirt derives from a disk's target name.

/**
 * The drive address libvirt gives a disk without one, from its target name (virDomainDiskDefAssignAddress):
 * sdX on SATA is controller X/6, unit X%6; hdX on IDE is controller X/4, bus (X%4)/2, unit X%2. Undefined where
 * it depends on more than the name (SCSI).
 */
export function driveAddressFromName(
  bus: string | undefined,
  dev: string | undefined,
): readonly [number, number, number, number] | undefined {
  const match = dev ? /^(?:sd|hd|fd|vd|xvd)([a-z]+)$/.exec(dev) : null;
  if (!match) return undefined;
  let index = 0;
  for (const char of match[1]) index = index * 26 + (char.charCodeAt(0) - 96);
  index -= 1;
  switch (bus) {
    case 'sata':
      return [Math.floor(index / 6), 0, 0, index % 6];
    case 'ide':
      return [Math.floor(index / 4), Math.floor((index % 4) / 2), 0, index % 2];
    case 'fdc':
      return [0, 0, 0, index];
    default:
      return undefined;
  }
}
