// Applies the tweak actions offered at a place in a document, for the tweak tests and the libvirt check.

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { HostFacts } from '../../server/src/service/hostFacts';
import { createLanguageService } from '../../server/src/service/languageService';

const service = createLanguageService({ arch: 'x86_64' });

/** The seed's host: an RTX 3060 at 27:00.0 with its audio function at 27:00.1, both in IOMMU group 16. */
export const FAKE_GPU_HOST: HostFacts = {
  arch: 'x86_64',
  pciDevices: [
    {
      address: { domain: 0, bus: 0x27, slot: 0, function: 0 },
      vendorId: '10de',
      deviceId: '2503',
      classCode: '030000',
      name: 'VGA compatible controller: NVIDIA Corporation GA106 [GeForce RTX 3060]',
      iommuGroup: 16,
      driver: 'vfio-pci',
    },
    {
      address: { domain: 0, bus: 0x27, slot: 0, function: 1 },
      vendorId: '10de',
      deviceId: '228e',
      classCode: '040300',
      name: 'Audio device: NVIDIA Corporation Device',
      iommuGroup: 16,
      driver: 'vfio-pci',
    },
    {
      address: { domain: 0, bus: 0x28, slot: 0, function: 0 },
      vendorId: '144d',
      deviceId: 'a808',
      classCode: '010802',
      name: 'Non-Volatile memory controller: Samsung Electronics Co Ltd NVMe SSD Controller SM981/PM981/PM983',
      iommuGroup: 17,
      driver: 'nvme',
    },
  ],
};

export interface TweakOutcome {
  readonly title: string;
  readonly text: string;
  readonly after: Diagnostic[];
}

export function tweaksAt(text: string, offset: number, host?: HostFacts): TweakOutcome[] {
  const document = TextDocument.create('file:///tweak.xml', 'xml', 1, text);
  const position = document.positionAt(offset);
  const actions = (host ? createLanguageService(host) : service).codeActions(
    document,
    { start: position, end: position },
    { diagnostics: [], only: ['refactor.rewrite'] },
  );
  return actions.map((action) => {
    const change = action.edit!.documentChanges![0] as { edits: TextEdit[] };
    const fixed = TextDocument.applyEdits(document, change.edits);
    return { title: action.title, text: fixed, after: service.validate(TextDocument.create('file:///tweak.xml', 'xml', 2, fixed)) };
  });
}

export function diagnosticsOf(text: string): Diagnostic[] {
  return service.validate(TextDocument.create('file:///tweak.xml', 'xml', 1, text));
}
