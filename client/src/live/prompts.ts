// The questions live editing asks (save despite errors? the definition changed: compare, overwrite or reload?),
// in one place so that the extension's API can answer them for the end-to-end tests and other extensions.

import * as vscode from 'vscode';

/** Answers a question with one of its choices, or undefined (dismissed). */
export type Answerer = (message: string, choices: readonly string[]) => Thenable<string | undefined> | string | undefined;

let answerer: Answerer | undefined;

/** A modal warning with these choices; VS Code's own dialog unless an answerer is set. */
export async function ask(message: string, detail: string | undefined, ...choices: string[]): Promise<string | undefined> {
  if (answerer) return answerer(message, choices);
  return vscode.window.showWarningMessage(message, { modal: true, detail }, ...choices);
}

/** Sets (or, with undefined, clears) who answers the questions. */
export function answerPromptsWith(next: Answerer | undefined): void {
  answerer = next;
}
