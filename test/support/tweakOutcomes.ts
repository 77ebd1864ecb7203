// Applies the tweak actions offered at a place in a document, for the tweak tests and the libvirt check.

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { HostFacts } from '../../server/src/service/hostFacts';
import { applyCodeAction } from './edits';
import { createTestService } from './fakeHost';

const service = createTestService();

export interface TweakOutcome {
  readonly title: string;
  readonly text: string;
  readonly after: Diagnostic[];
}

export function tweaksAt(text: string, offset: number, host?: HostFacts): TweakOutcome[] {
  const document = TextDocument.create('file:///tweak.xml', 'xml', 1, text);
  const position = document.positionAt(offset);
  const actions = (host ? createTestService(host) : service).codeActions(
    document,
    { start: position, end: position },
    { diagnostics: [], only: ['refactor.rewrite'] },
  );
  return actions.map((action) => {
    const fixed = applyCodeAction(document, action);
    return { title: action.title, text: fixed, after: service.validate(TextDocument.create('file:///tweak.xml', 'xml', 2, fixed)) };
  });
}

export function diagnosticsOf(text: string): Diagnostic[] {
  return service.validate(TextDocument.create('file:///tweak.xml', 'xml', 1, text));
}
