// How storage rules say what libvirt does: its own message quoted.

/** "…: libvirt refuses the storage pool ("MESSAGE")." */
export function refusedAtDefine(problem: string, says: string, what: 'storage pool' | 'storage volume' = 'storage pool'): string {
  return `${problem}: libvirt refuses the ${what} ("${says}").`;
}

/** "…: libvirt accepts the definition but refuses to start it ("MESSAGE")." */
export function refusedAtStart(problem: string, says: string): string {
  return `${problem}: libvirt accepts the definition but refuses to start it (pool-start: "${says}").`;
}

/** "…: libvirt refuses to create the volume ("MESSAGE")." */
export function refusedAtCreate(problem: string, says: string): string {
  return `${problem}: libvirt refuses to create the volume (vol-create: "${says}").`;
}
