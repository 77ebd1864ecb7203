// Command-line arguments of libvirt-lint. Bad usage is reported as a message, never thrown.

import { environmentLocale, type Locale } from '../l10n/locale';
import { type Message, messages } from '../l10n/message';
import { isRuleId } from '../service/languageService';
import { type RuleSetting, SEVERITIES } from '../service/languageTypes';

const M = messages('cli', {
  usage: `Usage: libvirt-lint [options] FILE...

Checks libvirt domain XML files. FILE may be '-' for standard input.

Options:
  --format stylish|json   output format (default: stylish)
  --connect URI           check against the host of a libvirt connection (qemu:///system,
                          qemu+ssh://host/system): its devices, IOMMU, networks, pools... through virsh
  --host-arch ARCH        host architecture for arch-accel-mismatch (default: this machine's, or the
                          connection's host)
  --rule ID=SEVERITY      set a rule to off, error, warning, info or hint (repeatable)
  --jobs N                lint on N threads (default: one per core for many files, one for a few)
  --locale LANG           language of the messages: en or zh-cn (default: from LC_ALL, LC_MESSAGES
                          or LANG)
  --list-rules            print every rule id with its default severity and exit
  -h, --help              print this help and exit
  -v, --version           print the version and exit

Exit status: 0 no errors, 1 errors found, 2 bad usage or an unreadable file.`,
  needsValue: '{option} needs a value.',
  formatInvalid: "--format must be 'stylish' or 'json', not '{value}'.",
  hostArchInvalid: "--host-arch '{value}' is not an architecture name.",
  connectNeedsUri: '{option} needs a connection URI.',
  jobsInvalid: "--jobs takes a number of threads (1 to 999), not '{value}'.",
  localeInvalid: "--locale takes a language such as en or zh-cn, not '{value}'.",
  unknownOption: "Unknown option '{option}'.",
  noFiles: 'No files given.',
  ruleSyntax: "--rule takes ID=SEVERITY, not '{value}'.",
  unknownRule: "Unknown rule '{id}' (see --list-rules).",
  severityInvalid: "Rule severity must be off, error, warning, info or hint, not '{value}'.",
});

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
  /** --locale LANG, else LC_ALL / LC_MESSAGES / LANG: the language of messages (codes and positions never change). */
  readonly locale: Locale;
  readonly help: boolean;
  readonly version: boolean;
  readonly listRules: boolean;
}

export const USAGE = M.usage();

/** Bad usage: what is wrong, and the language to say it in (the --locale given anywhere, else the environment's). */
export interface CliArgumentsError {
  readonly error: Message;
  readonly locale: Locale;
}

export function parseCliArguments(argv: readonly string[], env: NodeJS.ProcessEnv = {}): CliOptions | CliArgumentsError {
  const fail = (error: Message): CliArgumentsError => ({ error, locale: environmentLocale(localeFlag(argv), env) });
  const options = {
    format: 'stylish' as OutputFormat,
    hostArch: undefined as string | undefined,
    connect: undefined as string | undefined,
    rules: {} as Record<string, RuleSetting>,
    jobs: undefined as number | undefined,
    files: [] as string[],
    locale: undefined as string | undefined,
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
      name === '--format' ||
      name === '--host-arch' ||
      name === '--rule' ||
      name === '--connect' ||
      name === '-c' ||
      name === '--jobs' ||
      name === '--locale';
    let value: string | undefined;
    if (takesValue) {
      value = eq !== -1 && arg.startsWith('--') ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) return fail(M.needsValue({ option: name }));
    }
    switch (name) {
      case '--format':
        if (value !== 'stylish' && value !== 'json') return fail(M.formatInvalid({ value: value! }));
        options.format = value;
        break;
      case '--host-arch':
        if (!/^[A-Za-z0-9_]+$/.test(value!)) return fail(M.hostArchInvalid({ value: value! }));
        options.hostArch = value;
        break;
      case '-c':
      case '--connect':
        if (value!.trim() === '') return fail(M.connectNeedsUri({ option: name }));
        options.connect = value;
        break;
      case '--jobs':
        if (!/^[1-9][0-9]{0,2}$/.test(value!)) return fail(M.jobsInvalid({ value: value! }));
        options.jobs = Number(value);
        break;
      case '--locale':
        if (!/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*([.@][A-Za-z0-9_.@-]*)?$/.test(value!)) return fail(M.localeInvalid({ value: value! }));
        options.locale = value;
        break;
      case '--rule': {
        const error = addRuleSetting(options.rules, value!);
        if (error) return fail(error);
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
        return fail(M.unknownOption({ option: arg }));
    }
  }
  if (!options.help && !options.version && !options.listRules && options.files.length === 0) return fail(M.noFiles());
  return { ...options, locale: environmentLocale(options.locale, env) };
}

/** The value of the --locale given on the line (before `--`), for the language of an error found before it. */
function localeFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') return undefined;
    if (arg === '--locale') return argv[i + 1];
    if (arg.startsWith('--locale=')) return arg.slice('--locale='.length);
  }
  return undefined;
}

function addRuleSetting(rules: Record<string, RuleSetting>, spec: string): Message | undefined {
  const eq = spec.lastIndexOf('=');
  if (eq <= 0) return M.ruleSyntax({ value: spec });
  const id = spec.slice(0, eq);
  const setting = spec.slice(eq + 1);
  if (!isRuleId(id)) return M.unknownRule({ id });
  if (setting !== 'off' && !(SEVERITIES as readonly string[]).includes(setting)) {
    return M.severityInvalid({ value: setting });
  }
  rules[id] = setting as RuleSetting;
  return undefined;
}
