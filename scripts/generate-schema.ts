// Regenerates the schema models under server/src/service/schema/ (domainSchema.json, networkSchema.json,
// storagePoolSchema.json, storageVolSchema.json) from the RelaxNG schemas libvirt installs (Debian: libvirt-clients,
// /usr/share/libvirt/schemas). Run: npm run schema [-- <schemas dir>]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileRelaxNg } from './schema/compileRelaxNg';

const SCHEMA_DIR = join(import.meta.dirname, '../server/src/service/schema');
export const SCHEMA_MODEL_PATH = join(SCHEMA_DIR, 'domainSchema.json');

/** Each document kind's schema: libvirt's grammar and the model made of it. */
export const SCHEMA_MODELS: ReadonlyArray<{ readonly rng: string; readonly path: string }> = [
  { rng: 'domain.rng', path: SCHEMA_MODEL_PATH },
  { rng: 'network.rng', path: join(SCHEMA_DIR, 'networkSchema.json') },
  { rng: 'storagepool.rng', path: join(SCHEMA_DIR, 'storagePoolSchema.json') },
  { rng: 'storagevol.rng', path: join(SCHEMA_DIR, 'storageVolSchema.json') },
];
export const DEFAULT_SCHEMAS = '/usr/share/libvirt/schemas';

/** The libvirt version the schemas belong to, from the package that installed them (or LIBVIRT_VERSION). */
export function installedLibvirtVersion(): string {
  if (process.env.LIBVIRT_VERSION) return process.env.LIBVIRT_VERSION;
  const version = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'libvirt-clients'], { encoding: 'utf8', timeout: 10_000 });
  return version.replace(/-[^-]*$/, '');
}

export function generateSchemaModel(schemas = DEFAULT_SCHEMAS, version = installedLibvirtVersion(), rng = 'domain.rng'): string {
  const model = compileRelaxNg(join(schemas, rng), (path) => readFileSync(path, 'utf8'), {
    source: `libvirt ${version} RelaxNG schemas (${rng} and its includes, ${schemas}); upstream: https://gitlab.com/libvirt/libvirt, tag v${version}`,
    version,
    license: 'The schemas are part of libvirt, LGPL-2.1-or-later; this file is derived from them under the same licence.',
  });
  return `${JSON.stringify(model)}\n`;
}

if (import.meta.main ?? process.argv[1]?.endsWith('generate-schema.ts')) {
  for (const { rng, path } of SCHEMA_MODELS) {
    const text = generateSchemaModel(process.argv[2], undefined, rng);
    writeFileSync(path, text);
    const model = JSON.parse(text);
    console.log(
      `${path}: ${model.elements.length} elements, ${model.types.length} value types, ${(text.length / 1024).toFixed(0)} KB (libvirt ${model.version})`,
    );
  }
}
