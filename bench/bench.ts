// npm run bench: the numbers the language service promises (see README "Performance").
//   analysis of a typical domain, of 1/2/4 MB synthetic domains (linear growth), the CLI over libvirt's test
//   domains in one process, didChange → publishDiagnostics latency over stdio, and a fuzz throughput run.

import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtProgram, fixture, REPO_ROOT } from '../test/support/built';
import { CORPUS_DIR, corpusFiles, guestArchOf } from '../test/support/corpus';
import { startLspClient } from '../test/support/lspClient';
import { mutate, seededRandom } from '../test/support/mutations';
import { acceptedLibvirtTestDomains, KNOWN_OLD_QEMU_ONLY } from './libvirtCorpus';
import { shippedService } from './shippedService';
import { syntheticDomain } from './syntheticDomain';

const { createLanguageService, LibvirtSchema, parseXml } = shippedService();
const host = { arch: 'x86_64' };
const service = createLanguageService({ hostFacts: () => host, randomUuid: randomUUID });
const rows: Array<[string, string, string]> = [];
const report = (what: string, value: string, target: string) => {
  rows.push([what, value, target]);
  console.log(`${what.padEnd(58)} ${value.padEnd(26)} ${target}`);
};

/**
 * The figures the bench holds the code to (issue: speed). `limit` is the issue's target where it is met, else the
 * figure reached so far (a regression gate until the target is); a run fails (exit 1) when a figure is worse than its
 * limit by more than NOISE — this 2-core VM's run-to-run spread, measured over repeated runs.
 */
const NOISE = 0.5;
const gates: Array<{ what: string; value: number; limit: number; target: string; higherIsBetter?: boolean }> = [];
const gate = (what: string, value: number, limit: number, target: string, higherIsBetter = false) =>
  gates.push({ what, value, limit, target, higherIsBetter });

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

function timeAnalysis(text: string, iterations: number): { mean: number; p50: number; p95: number } {
  // Each run is a new version of one document, as after an edit: the service caches the analysis of the version it
  // last saw, so the text differs (a trailing comment) to make every run a full analysis.
  const version = (i: number) => TextDocument.create('file:///bench.xml', 'xml', i, `${text}<!-- ${i} -->`);
  for (let i = 0; i < Math.min(50, Math.ceil(iterations / 5)); i++) service.validate(version(-i - 1));
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    // A fresh document each time: TextDocument caches line offsets, an editor's next version would not have them.
    const fresh = version(i);
    const started = performance.now();
    service.validate(fresh);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { mean: samples.reduce((a, b) => a + b, 0) / samples.length, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

async function main(): Promise<void> {
  console.log(
    `node ${process.version}, ${process.arch}, flags: ${process.execArgv.filter((a) => a.startsWith('--max')).join(' ') || 'V8 defaults'} (the CLI and server ship with --max-semi-space-size=64); in-process figures time the service bundled as it ships\n`,
  );

  // A typical domain: the GPU passthrough fixture with the Linux fixture's disks, NIC and channel added to its devices.
  const linux = readFileSync(fixture('linux-q35-clean.xml'), 'utf8');
  const linuxDevices = linux.slice(linux.indexOf('<devices>') + '<devices>'.length, linux.indexOf('<memballoon')).trimEnd();
  const typicalDomain = readFileSync(fixture('win10-gpu-passthrough.xml'), 'utf8').replace('</devices>', `${linuxDevices}\n  </devices>`);
  const t = timeAnalysis(typicalDomain, 2000);
  report(
    `full analysis, typical ${(typicalDomain.length / 1024).toFixed(1)} KB domain`,
    `mean ${t.mean.toFixed(3)} ms, p50 ${t.p50.toFixed(3)} ms, p95 ${t.p95.toFixed(3)} ms`,
    'p95 < 0.3 ms',
  );
  gate('typical domain analysis, p50 (ms)', t.p50, 0.7, 'p95 < 0.3 ms (not met: 100 rules; p95 is scheduling noise here)');
  {
    // A real virt-install domain (dumpxml, 7 KB), without the problems the typical one is made of.
    const text = readFileSync(join(REPO_ROOT, 'test', 'corpus', 'virt-install', 'win11-uefi.dumpxml.xml'), 'utf8');
    const w = timeAnalysis(text, 1000);
    report(
      `full analysis, virt-install dumpxml ${(text.length / 1024).toFixed(1)} KB (win11-uefi)`,
      `mean ${w.mean.toFixed(3)} ms, p95 ${w.p95.toFixed(3)} ms`,
      '< 1 ms',
    );
  }
  // The parser alone, in CPU time (a loaded machine's scheduling left out): MB/s on 1 and 4 MB.
  for (const megabytes of [1, 4]) {
    const { text } = syntheticDomain(megabytes * 1024 * 1024);
    for (let i = 0; i < 3; i++) parseXml(text);
    const runs = 10;
    const before = process.cpuUsage();
    for (let i = 0; i < runs; i++) parseXml(text);
    const used = process.cpuUsage(before);
    const ms = (used.user + used.system) / 1000 / runs;
    const rate = text.length / 1e6 / (ms / 1000);
    report(`parser alone, ${megabytes} MB synthetic domain (CPU time)`, `${ms.toFixed(1)} ms, ${rate.toFixed(0)} MB/s`, '>= 100 MB/s');
    if (megabytes === 4) gate('parser, 4 MB (MB/s)', rate, 40, '>= 100 MB/s (not met)', true);
  }

  // The other kinds: libvirt's largest network test input and a netfs pool, each a full analysis.
  for (const [what, file] of [
    ['network (nat-network-dns-srv-records)', 'networkxml2xmlin/nat-network-dns-srv-records.xml'],
    ['storage pool (pool-netfs)', 'storagepoolxml2xmlin/pool-netfs.xml'],
    ['storage volume (vol-qcow2-lazy)', 'storagevolxml2xmlin/vol-qcow2-lazy.xml'],
  ] as const) {
    const text = readFileSync(join(REPO_ROOT, 'test', 'corpus', 'libvirt-9.0.0', file), 'utf8');
    const k = timeAnalysis(text, 2000);
    report(
      `full analysis, ${what}, ${(text.length / 1024).toFixed(1)} KB`,
      `mean ${k.mean.toFixed(3)} ms, p95 ${k.p95.toFixed(3)} ms`,
      '< 1 ms',
    );
  }

  let previous: number | undefined;
  for (const megabytes of [0.5, 1, 2, 4]) {
    const { text, devices } = syntheticDomain(megabytes * 1024 * 1024);
    const s = timeAnalysis(text, 25);
    const growth = previous ? `  (x${(s.p50 / previous).toFixed(2)} for x2 size)` : '';
    report(
      `full analysis, ${megabytes} MB synthetic domain, ${devices} devices`,
      `p50 ${s.p50.toFixed(1)} ms${growth}`,
      megabytes === 1 ? '< 30 ms' : 'linear',
    );
    if (megabytes === 1) gate('1 MB domain analysis, p50 (ms)', s.p50, 160, '< 30 ms (not met)');
    if (megabytes === 1) {
      // The heap a 1 MB domain's analysis keeps (its tree, model and diagnostics), as an open document's would.
      const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
      collect();
      const baseline = process.memoryUsage().heapUsed;
      const kept = service.validate(TextDocument.create('file:///heap.xml', 'xml', 1, text));
      collect();
      const heapMb = (process.memoryUsage().heapUsed - baseline) / 1024 / 1024;
      report('heap kept by an analysed 1 MB domain', `${heapMb.toFixed(1)} MB (${kept.length} diagnostics)`, '< 50 MB');
      gate('heap of an analysed 1 MB domain (MB)', heapMb, 50, '< 50 MB');
    }
    previous = s.p50;
  }

  // Code actions at a cursor in a 1 MB domain: on an analysed document (as after its didChange) and cold.
  {
    const { text } = syntheticDomain(1024 * 1024);
    const conflicted = text.replace(
      "<target dev='vd0' bus='virtio'/>\n      <address type='pci' domain='0x0000' bus='0x01' slot='0x00'",
      "<target dev='vd0' bus='virtio'/>\n      <address type='pci' domain='0x0000' bus='0x01' slot='0x01'",
    );
    const samples: Record<'warm' | 'cold', number[]> = { warm: [], cold: [] };
    for (let i = 0; i < 12; i++) {
      const document = TextDocument.create(`file:///actions-${i}.xml`, 'xml', 1, conflicted);
      const position = document.positionAt(conflicted.indexOf("slot='0x01'") + 7);
      const range = { start: position, end: position };
      let started = performance.now();
      const cold = service.codeActions(document, range, { diagnostics: [] });
      samples.cold.push(performance.now() - started);
      started = performance.now();
      const warm = service.codeActions(document, range, { diagnostics: [] });
      samples.warm.push(performance.now() - started);
      if (cold.length === 0 || warm.length !== cold.length) throw new Error('no code actions at the conflict');
    }
    const p50 = (list: number[]) =>
      percentile(
        [...list].sort((a, b) => a - b),
        0.5,
      ).toFixed(1);
    report(
      'code actions at a cursor, 1 MB domain (after analysis / cold)',
      `p50 ${p50(samples.warm)} ms / ${p50(samples.cold)} ms`,
      '< 50 ms',
    );
    const document = TextDocument.create('file:///hover.xml', 'xml', 1, conflicted);
    service.validate(document);
    const hovers: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      service.hover(document, document.positionAt(conflicted.indexOf("slot='0x01'") + 7));
      hovers.push(performance.now() - started);
    }
    report('hover on a guest PCI address, 1 MB domain (after analysis)', `p50 ${p50(hovers)} ms`, '< 20 ms');
    const docsHovers: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      const hover = service.hover(document, document.positionAt(conflicted.lastIndexOf("bus='virtio'") + 2));
      docsHovers.push(performance.now() - started);
      if (!JSON.stringify(hover).includes('libvirt documentation')) throw new Error('no documentation in the hover');
    }
    report('hover with schema docs on an attribute, 1 MB domain', `p50 ${p50(docsHovers)} ms`, '< 20 ms');

    // Completion while typing in the 1 MB domain: after the didChange's analysis (the editor's case) and cold.
    const cursors: Array<[string, string, (items: { label: string }[]) => boolean]> = [
      ['a new element in <devices>', text.replace('<devices>', '<devices>\n    <|'), (items) => items.some((i) => i.label === 'disk')],
      [
        "a value: <target bus='",
        text.replace(/<target dev='vd0' bus='virtio'/, "<target dev='vd0' bus='|"),
        (items) => items.some((i) => i.label === 'virtio'),
      ],
      [
        'a free PCI address (planner over every device)',
        text.replace(/(<interface type='bridge'>\s*)/, '$1<addr|'),
        (items) => items[0]?.label.startsWith('address 0000:') === true,
      ],
    ];
    for (const [what, marked, check] of cursors) {
      const offset = marked.indexOf('|');
      const warm: number[] = [];
      const cold: number[] = [];
      for (let i = 0; i < 10; i++) {
        const typed = TextDocument.create(`file:///complete-${i}.xml`, 'xml', 1, marked.replace('|', ''));
        let started = performance.now();
        service.completion(typed, typed.positionAt(offset));
        cold.push(performance.now() - started);
        started = performance.now();
        const list = service.completion(typed, typed.positionAt(offset));
        warm.push(performance.now() - started);
        if (!check(list.items)) throw new Error(`completion of ${what}: not the expected items`);
      }
      report(`completion, 1 MB domain: ${what} (after analysis / cold)`, `p50 ${p50(warm)} ms / ${p50(cold)} ms`, '< 20 ms');
    }
  }

  {
    // The schema model as the server loads it: JSON parse, indexes, and the first check of a domain (which fills them).
    const json = readFileSync(join(REPO_ROOT, 'server/src/service/schema/domainSchema.json'), 'utf8');
    const loads: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      const schemaModel = new LibvirtSchema(JSON.parse(json));
      const match = schemaModel.rootMatch('domain');
      for (const group of schemaModel.allowedChildren(match))
        schemaModel.allowedChildren(schemaModel.childMatch(match, group.name, group.ns));
      loads.push(performance.now() - started);
    }
    report(
      `schema model load (${(json.length / 1024).toFixed(0)} KB JSON: parse + index)`,
      `p50 ${percentile(
        loads.sort((a, b) => a - b),
        0.5,
      ).toFixed(2)} ms, first ${loads.length ? Math.max(...loads).toFixed(2) : '?'} ms max`,
      '< 50 ms',
    );
  }

  const fullCorpus = acceptedLibvirtTestDomains(join(REPO_ROOT, '.cache', 'libvirt-9.0.0', 'tests'));
  const files =
    fullCorpus ??
    readdirSync(CORPUS_DIR)
      .filter((f) => f.endsWith('.xml'))
      .map((f) => join(CORPUS_DIR, f));
  const source = fullCorpus ? "libvirt's accepted test domains" : 'committed subset; npm run corpus:full for all';
  // Best of three of each, interleaved: the CLI on its own threads, on one, and xmllint's RelaxNG pass (one process).
  const timed = (command: string, args: string[]) => {
    const started = performance.now();
    const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    return { ms: performance.now() - started, run };
  };
  const cliArgs = (...extra: string[]) => ['--max-semi-space-size=64', builtProgram('cli'), '--format', 'json', ...extra, ...files];
  const best = { cli: Infinity, single: Infinity, xmllint: Infinity };
  let cliOutput = '';
  const xmllint = spawnSync('xmllint', ['--version']).status === 0;
  for (let i = 0; i < 3; i++) {
    const cli = timed(process.execPath, cliArgs());
    cliOutput = cli.run.stdout;
    best.cli = Math.min(best.cli, cli.ms);
    best.single = Math.min(best.single, timed(process.execPath, cliArgs('--jobs', '1')).ms);
    if (xmllint)
      best.xmllint = Math.min(
        best.xmllint,
        timed('xmllint', ['--noout', '--relaxng', '/usr/share/libvirt/schemas/domain.rng', ...files]).ms,
      );
  }
  const linted = JSON.parse(cliOutput) as Array<{ file: string; diagnostics: Array<{ severity: string; code: string }> }>;
  report(`CLI, one process, ${linted.length} files (${source}), threads as it picks`, `${best.cli.toFixed(0)} ms`, '< 2 s for ~1,000');
  report('  the same on one thread (--jobs 1)', `${best.single.toFixed(0)} ms`, '');
  if (xmllint) {
    const ratio = best.xmllint / best.cli;
    report(
      '  xmllint --noout --relaxng domain.rng over the same files',
      `${best.xmllint.toFixed(0)} ms: ratio ${ratio.toFixed(2)} (${(best.xmllint / best.single).toFixed(2)} on one thread)`,
      'ratio >= 1.0',
    );
    gate('CLI vs xmllint over the corpus (ratio)', ratio, 0.5, '>= 1.0 (not met)', true);
  } else report('  xmllint', 'not installed (apt-get install libxml2-utils)', '');
  // One file: what a pre-commit hook or an editor's on-save lint waits for, against node's own start.
  const oneFile = [] as number[];
  const nodeStart = [] as number[];
  for (let i = 0; i < 7; i++) {
    oneFile.push(timed(process.execPath, ['--max-semi-space-size=64', builtProgram('cli'), fixture('win10-gpu-passthrough.xml')]).ms);
    nodeStart.push(timed(process.execPath, ['-e', '0']).ms);
  }
  const oneP50 = percentile(
    oneFile.sort((a, b) => a - b),
    0.5,
  );
  const nodeP50 = percentile(
    nodeStart.sort((a, b) => a - b),
    0.5,
  );
  report('CLI, one file (compile cache warm)', `p50 ${oneP50.toFixed(0)} ms (node -e 0: ${nodeP50.toFixed(0)} ms)`, '< 70 ms');
  gate("CLI one file, beyond node's own start (ms)", oneP50 - nodeP50, 60, '< 20 ms over node (not met)');

  // False errors: lint each file as libvirt's tests do, on a host of the guest's architecture. The qemuxml2xml
  // outputs are domains libvirt defines, not necessarily starts: a start refusal on one is counted apart.
  const falseErrors: string[] = [];
  const startRefusals: string[] = [];
  let known = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const document = TextDocument.create(`file://${file}`, 'xml', 1, text);
    const all = service.validate(document, { hostArch: guestArchOf(text) }).filter((d) => d.severity === 1);
    const atStart = all.filter((d) => String(d.message).includes('refuses to start it'));
    if (file.includes('qemuxml2xmloutdata')) startRefusals.push(...atStart.map((d) => `${basename(file)}: ${d.code}`));
    const errors = file.includes('qemuxml2xmloutdata') ? all.filter((d) => !atStart.includes(d)) : all;
    if (errors.length === 0) continue;
    if (KNOWN_OLD_QEMU_ONLY.has(basename(file))) {
      known++;
      continue;
    }
    falseErrors.push(...errors.map((d) => `${basename(file)}: ${d.code}`));
  }
  report(
    `error-severity false positives on those ${files.length} accepted domains`,
    `${falseErrors.length}${known ? ` (+${known} valid only for QEMU < 2.7)` : ''}`,
    '0',
  );
  for (const line of falseErrors) console.log(`    ${line}`);
  if (startRefusals.length)
    console.log(
      `    start refusals claimed on qemuxml2xml outputs (defined, never started by libvirt's tests): ${startRefusals.join(', ')}`,
    );
  gate('error-severity false positives on the accepted domains', falseErrors.length, 0, '0');

  // Server start: spawn the bundled server and complete initialize (what an editor waits for).
  const starts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const probe = await startLspClient({});
    starts.push(performance.now() - started);
    await probe.close();
  }
  report(
    'language server start: spawn to initialize result',
    `p50 ${percentile(
      [...starts].sort((a, b) => a - b),
      0.5,
    ).toFixed(0)} ms`,
    '< 120 ms',
  );
  gate(
    'language server start, p50 (ms)',
    percentile(
      [...starts].sort((a, b) => a - b),
      0.5,
    ),
    200,
    '< 120 ms (not met on this VM)',
  );

  const client = await startLspClient({});
  const uri = 'file:///bench/typing.xml';
  const opened = client.nextDiagnostics(uri);
  client.open(uri, typicalDomain);
  await opened;
  const lines = typicalDomain.split('\n');
  const memoryLine = lines.findIndex((line) => line.includes('<currentMemory'));
  const column = lines[memoryLine].indexOf('>') + 1;
  const latencies: number[] = [];
  for (let version = 2; version < 302; version++) {
    const next = client.nextDiagnostics(uri, (p) => p.version === version);
    const sent = performance.now();
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [
        {
          range: { start: { line: memoryLine, character: column }, end: { line: memoryLine, character: column + 1 } },
          text: String(version % 10),
        },
      ],
    });
    await next;
    latencies.push(performance.now() - sent);
  }
  await client.close();
  latencies.sort((a, b) => a - b);
  report(
    'LSP didChange -> publishDiagnostics, 300 edits',
    `p50 ${percentile(latencies, 0.5).toFixed(2)} ms, p95 ${percentile(latencies, 0.95).toFixed(2)} ms`,
    'p95 < 10 ms',
  );
  gate('didChange -> publishDiagnostics, typical domain, p95 (ms)', percentile(latencies, 0.95), 10, '< 10 ms');

  const corpus = corpusFiles();
  const random = seededRandom(1);
  const fuzzEnd = performance.now() + 5000;
  let runs = 0;
  let slowest = 0;
  while (performance.now() < fuzzEnd) {
    let text = corpus[Math.floor(random() * corpus.length)].text;
    for (let i = 0; i < 3; i++) text = mutate(text, random);
    const s = performance.now();
    service.validate(TextDocument.create('file:///fuzz.xml', 'xml', 1, text));
    slowest = Math.max(slowest, performance.now() - s);
    runs++;
  }
  report('fuzz: mutated documents analysed in 5 s, no throw', `${runs} docs, slowest ${slowest.toFixed(2)} ms`, 'no throw, no hang');

  console.log(`\nGates (a run fails when a figure is worse than its limit by more than ${NOISE * 100} %, this VM's noise):`);
  let failed = 0;
  for (const { what, value, limit, target, higherIsBetter } of gates) {
    const worse = higherIsBetter ? value < limit * (1 - NOISE) : value > limit * (1 + NOISE);
    if (worse) failed++;
    console.log(
      `  ${worse ? 'FAIL' : 'ok  '} ${what.padEnd(58)} ${value.toFixed(2).padStart(9)}  limit ${String(limit).padStart(5)}  target ${target}`,
    );
  }
  if (failed) {
    console.error(`${failed} figure(s) regressed past their limits`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
