// Regenerates server/src/service/schema/domainSchema.json from the RelaxNG schemas libvirt installs
// (Debian: libvirt-clients, /usr/share/libvirt/schemas). Run: npm run schema [-- <schemas dir>]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileRelaxNg } from './schema/compileRelaxNg';

export const SCHEMA_MODEL_PATH = join(import.meta.dirname, '../server/src/service/schema/domainSchema.json');
export const DEFAULT_SCHEMAS = '/usr/share/libvirt/schemas';

/** The libvirt version the schemas belong to, from the package that installed them (or LIBVIRT_VERSION). */
export function installedLibvirtVersion(): string {
  if (process.env.LIBVIRT_VERSION) return process.env.LIBVIRT_VERSION;
  const version = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'libvirt-clients'], { encoding: 'utf8', timeout: 10_000 });
  return version.replace(/-[^-]*$/, '');
}

export function generateSchemaModel(schemas = DEFAULT_SCHEMAS, version = installedLibvirtVersion()): string {
  const model = compileRelaxNg(join(schemas, 'domain.rng'), (path) => readFileSync(path, 'utf8'), {
    source: `libvirt ${version} RelaxNG schemas (domain.rng and its includes, ${schemas}); upstream: https://gitlab.com/libvirt/libvirt, tag v${version}`,
    version,
    license: 'The schemas are part of libvirt, LGPL-2.1-or-later; this file is derived from them under the same licence.',
  });
  return `${JSON.stringify(model)}\n`;
}

if (import.meta.main ?? process.argv[1]?.endsWith('generate-schema.ts')) {
  const text = generateSchemaModel(process.argv[2]);
  writeFileSync(SCHEMA_MODEL_PATH, text);
  const model = JSON.parse(text);
  console.log(
    `${SCHEMA_MODEL_PATH}: ${model.elements.length} elements, ${model.types.length} value types, ${(text.length / 1024).toFixed(0)} KB (libvirt ${model.version})`,
  );
}
