// The language server runs virsh (server/src/virsh is the one place that does); these call its commands.

import type * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';

export interface VirshReply {
  readonly ok: boolean;
  readonly message: string;
  readonly stdout?: string;
  readonly stderr?: string;
}

export interface DefineReply extends VirshReply {
  readonly name?: string;
  readonly differences: Array<{ kind: string; path: string; detail: string; line: number }>;
  readonly stored?: string;
}

export interface ListReply {
  readonly ok: boolean;
  readonly message?: string;
  readonly domains?: Array<{ name: string; state: string }>;
}

export function serverCommand<T>(client: LanguageClient, command: string, args: unknown[], token?: vscode.CancellationToken): Promise<T> {
  return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }, token) as Promise<T>;
}
