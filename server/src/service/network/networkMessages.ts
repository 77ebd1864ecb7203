// How network rules say what libvirt does: its own message quoted, with the network's name where libvirt puts it.

import type { Message, Text } from '../../l10n/message';
import { refusedAtDefine as refused, refusedAtStart as refusedToStart } from '../refusals';
import type { NetworkModel } from './networkModel';

/** The name libvirt puts in its messages ('NAME' while the network has none). */
export function networkName(model: NetworkModel): string {
  return model.name || 'NAME';
}

/** "…: libvirt refuses the network ("MESSAGE")." */
export function refusedAtDefine(problem: Text, says: string): Message {
  return refused(problem, says, 'network');
}

/** "…: libvirt accepts the definition but refuses to start it (net-start: "MESSAGE")." */
export function refusedAtStart(problem: Text, says: string): Message {
  return refusedToStart(problem, says, 'net-start');
}
