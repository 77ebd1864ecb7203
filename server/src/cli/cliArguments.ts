// Command-line arguments of libvirt-lint. Bad usage is reported as a message, never thrown.

import { isRuleId } from '../service/languageService';
import { type RuleSetting, SEVERITIES } from '../service/languageTypes';

export type OutputFormat = 'stylish' | 'json';

export interface CliOptions {
  readonly format: OutputFormat;
  readonly hostArch: string | undefined;
  /** --connect URI: check against that host's facts (the host rules), read through virsh. */
  readonly connect: string | undefined;
  readonly rules: Record<string, RuleSetting>;
  /** --jobs N: threads to lint with (undefined: as many as pay for the files given, up to the cores). */
  readonly jobs: number | undefined;
  readonly files: string[];
  readonly help: boolean;
  readonly version: boolean;
  readonly listRules: boolean;
}

export const USAGE = `Usage: libvirt-lint [options] FILE...

Checks libvirt domain XML files. FILE may be '-' for standard input.

Options:
  --format stylish|json   output format (default: stylish)
  --connect URI           check against the host of a libvirt connection (qemu:///system,
                          qemu+ssh://host/system): its devices, IOMMU, networks, pools... through virsh
  --host-arch ARCH        host architecture for arch-accel-mismatch (default: this machine's, or the
                          connection's host)
  --rule ID=SEVERITY      set a rule to off, error, warning, info or hint (repeatable)
  --jobs N                lint on N threads (default: one per core for many files, one for a few)
  --list-rules            print every rule id with its default severity and exit
  -h, --help              print this help and exit
  -v, --version           print the version and exit

Exit status: 0 no errors, 1 errors found, 2 bad usage or an unreadable file.`;

export function parseCliArguments(argv: readonly string[]): CliOptions | { error: string } {
  const options = {
    format: 'stylish' as OutputFormat,
    hostArch: undefined as string | undefined,
    connect: undefined as string | undefined,
    rules: {} as Record<string, RuleSetting>,
    jobs: undefined as number | undefined,
    files: [] as string[],
    help: false,
    version: false,
    listRules: false,
  };
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      options.files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq !== -1 ? arg.slice(0, eq) : arg;
    const takesValue =
      name === '--format' || name === '--host-arch' || name === '--rule' || name === '--connect' || name === '-c' || name === '--jobs';
    let value: string | undefined;
    if (takesValue) {
      value = eq !== -1 && arg.startsWith('--') ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) return { error: `${name} needs a value.` };
    }
    switch (name) {
      case '--format':
        if (value !== 'stylish' && value !== 'json') return { error: `--format must be 'stylish' or 'json', not '${value}'.` };
        options.format = value;
        break;
      case '--host-arch':
        if (!/^[A-Za-z0-9_]+$/.test(value!)) return { error: `--host-arch '${value}' is not an architecture name.` };
        options.hostArch = value;
        break;
      case '-c':
      case '--connect':
        if (value!.trim() === '') return { error: `${name} needs a connection URI.` };
        options.connect = value;
        break;
      case '--jobs':
        if (!/^[1-9][0-9]{0,2}$/.test(value!)) return { error: `--jobs takes a number of threads (1 to 999), not '${value}'.` };
        options.jobs = Number(value);
        break;
      case '--rule': {
        const error = addRuleSetting(options.rules, value!);
        if (error) return { error };
        break;
      }
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '-v':
      case '--version':
        options.version = true;
        break;
      case '--list-rules':
        options.listRules = true;
        break;
      default:
        return { error: `Unknown option '${arg}'.` };
    }
  }
  if (!options.help && !options.version && !options.listRules && options.files.length === 0) return { error: 'No files given.' };
  return options;
}

function addRuleSetting(rules: Record<string, RuleSetting>, spec: string): string | undefined {
  const eq = spec.lastIndexOf('=');
  if (eq <= 0) return `--rule takes ID=SEVERITY, not '${spec}'.`;
  const id = spec.slice(0, eq);
  const setting = spec.slice(eq + 1);
  if (!isRuleId(id)) return `Unknown rule '${id}' (see --list-rules).`;
  if (setting !== 'off' && !(SEVERITIES as readonly string[]).includes(setting)) {
    return `Rule severity must be off, error, warning, info or hint, not '${setting}'.`;
  }
  rules[id] = setting as RuleSetting;
  return undefined;
}
