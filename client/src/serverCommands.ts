// The language server runs virsh (server/src/virsh is the one place that does); these call its commands, typed by
// the protocol both sides import.

import type * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, type CommandArguments, type CommandId, type CommandReplies } from '../../server/src/protocol';

export function serverCommand<C extends CommandId>(
  client: LanguageClient,
  command: C,
  args: CommandArguments[C],
  token?: vscode.CancellationToken,
): Promise<CommandReplies[C]> {
  return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }, token) as Promise<CommandReplies[C]>;
}

/** The <name> of an open document, as the server's parser reads it; undefined when it has none. */
export async function domainNameOf(client: LanguageClient, document: vscode.TextDocument): Promise<string | undefined> {
  const reply = await serverCommand(client, COMMANDS.domainName, [document.uri.toString()]);
  return reply.ok ? reply.name : undefined;
}
