// Device names from `lspci -Dmmnn` when it is installed: run with an argument array, a time limit, no shell.

import { execFile } from 'node:child_process';

const LSPCI_TIMEOUT_MS = 3000;

/** lspci's machine-readable listing, or a rejection when it is missing, fails or takes too long. */
export function runLspci(signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('lspci', ['-Dmmnn'], { encoding: 'utf8', timeout: LSPCI_TIMEOUT_MS, signal }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });
}

/** '0000:27:00.0' → 'VGA compatible controller: NVIDIA Corporation GA106 [GeForce RTX 3060]'; empty without lspci. */
export async function lspciNames(run: () => Promise<string> = runLspci): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  let output: string;
  try {
    output = await run();
  } catch {
    return names;
  }
  for (const line of output.split('\n')) {
    const fields = [...line.matchAll(/"([^"]*)"/g)].map((match) => match[1].replace(/\s*\[[0-9a-f]{4}\]$/i, ''));
    const address = line.split(' ')[0]?.toLowerCase();
    if (!address || fields.length < 3) continue;
    names.set(address, `${fields[0]}: ${fields[1]} ${fields[2]}`);
  }
  return names;
}
