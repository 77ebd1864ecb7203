// How a diagnostic says libvirt refuses something, one wording for every rule and kind: its own message quoted.

import { type Message, messages, type Text } from '../l10n/message';

/** What libvirt refuses, as its messages name it. */
export type RefusedObject = 'domain' | 'network' | 'storage pool' | 'storage volume';

const M = messages('refusals', {
  domain: 'refuses the domain',
  network: 'refuses the network',
  storagePool: 'refuses the storage pool',
  storageVolume: 'refuses the storage volume',
  atDefine: '{problem}: libvirt {refuses} ("{libvirtSays}").',
  atStart: '{problem}: libvirt accepts the definition but refuses to start it ({verb}: "{libvirtSays}").',
  atCreate: '{problem}: libvirt refuses to create the volume (vol-create: "{libvirtSays}").',
  buildingCommandLine: 'building the QEMU command line',
});

const REFUSES: Record<RefusedObject, () => Message> = {
  domain: M.domain,
  network: M.network,
  'storage pool': M.storagePool,
  'storage volume': M.storageVolume,
};

/** "PROBLEM: libvirt refuses the domain ("MESSAGE")." */
export function refusedAtDefine(problem: Text, says: string, what: RefusedObject = 'domain'): Message {
  return M.atDefine({ problem, refuses: REFUSES[what](), libvirtSays: says });
}

/** What refuses to start it when the QEMU command line is built (libvirt's qemu_command.c), as `verb`. */
export const BUILDING_COMMAND_LINE: Message = M.buildingCommandLine();

/** "PROBLEM: libvirt accepts the definition but refuses to start it (VERB: "MESSAGE")." `verb`: virsh start, QEMU… */
export function refusedAtStart(problem: Text, says: string, verb: Text): Message {
  return M.atStart({ problem, verb, libvirtSays: says });
}

/** "PROBLEM: libvirt refuses to create the volume (vol-create: "MESSAGE")." */
export function refusedAtCreate(problem: Text, says: string): Message {
  return M.atCreate({ problem, libvirtSays: says });
}
