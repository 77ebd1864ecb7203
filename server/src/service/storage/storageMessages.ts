// How storage rules say what libvirt does: its own message quoted.

import { refusedAtDefine as refused, refusedAtStart as refusedToStart } from '../refusals';

/** "…: libvirt refuses the storage pool ("MESSAGE")." */
export function refusedAtDefine(problem: string, says: string, what: 'storage pool' | 'storage volume' = 'storage pool'): string {
  return refused(problem, says, what);
}

/** "…: libvirt accepts the definition but refuses to start it (pool-start: "MESSAGE")." */
export function refusedAtStart(problem: string, says: string): string {
  return refusedToStart(problem, says, 'pool-start');
}

/** "…: libvirt refuses to create the volume ("MESSAGE")." */
export function refusedAtCreate(problem: string, says: string): string {
  return `${problem}: libvirt refuses to create the volume (vol-create: "${says}").`;
}
