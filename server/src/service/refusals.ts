// How a diagnostic says libvirt refuses something, one wording for every rule and kind: its own message quoted.

/** What libvirt refuses, as its messages name it. */
export type RefusedObject = 'domain' | 'network' | 'storage pool' | 'storage volume';

/** "PROBLEM: libvirt refuses the domain ("MESSAGE")." */
export function refusedAtDefine(problem: string, says: string, what: RefusedObject = 'domain'): string {
  return `${problem}: libvirt refuses the ${what} ("${says}").`;
}

/** "PROBLEM: libvirt accepts the definition but refuses to start it (VERB: "MESSAGE")." */
export function refusedAtStart(problem: string, says: string, verb: string): string {
  return `${problem}: libvirt accepts the definition but refuses to start it (${verb}: "${says}").`;
}
