// How storage rules say what libvirt does: its own message quoted.

import type { Message, Text } from '../../l10n/message';
import { refusedAtDefine as refused, refusedAtCreate as refusedToCreate, refusedAtStart as refusedToStart } from '../refusals';

/** "…: libvirt refuses the storage pool ("MESSAGE")." */
export function refusedAtDefine(problem: Text, says: string, what: 'storage pool' | 'storage volume' = 'storage pool'): Message {
  return refused(problem, says, what);
}

/** "…: libvirt accepts the definition but refuses to start it (pool-start: "MESSAGE")." */
export function refusedAtStart(problem: Text, says: string): Message {
  return refusedToStart(problem, says, 'pool-start');
}

/** "…: libvirt refuses to create the volume ("MESSAGE")." */
export function refusedAtCreate(problem: Text, says: string): Message {
  return refusedToCreate(problem, says);
}
