// How network rules say what libvirt does: its own message quoted, with the network's name where libvirt puts it.

import type { NetworkModel } from './networkModel';

/** The name libvirt puts in its messages ('NAME' while the network has none). */
export function networkName(model: NetworkModel): string {
  return model.name || 'NAME';
}

/** "…: libvirt refuses the network ("MESSAGE")." */
export function refusedAtDefine(problem: string, says: string): string {
  return `${problem}: libvirt refuses the network ("${says}").`;
}

/** "…: libvirt accepts the definition but refuses to start it ("MESSAGE")." */
export function refusedAtStart(problem: string, says: string): string {
  return `${problem}: libvirt accepts the definition but refuses to start it (net-start: "${says}").`;
}
