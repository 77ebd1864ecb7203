import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  DEFAULT_SCHEMAS,
  generateSchemaModel,
  installedLibvirtVersion,
  SCHEMA_MODEL_PATH,
  SCHEMA_MODELS,
} from '../../scripts/generate-schema';
import { compileRelaxNg } from '../../scripts/schema/compileRelaxNg';
import type { SchemaModel } from '../../server/src/service/schema/schemaTypes';

const RNG = 'xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes"';

function compile(files: Record<string, string>): SchemaModel {
  return compileRelaxNg(
    'main.rng',
    (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`no file ${path}`);
      return text;
    },
    { source: 'test', version: '0', license: 'test' },
  );
}

const byName = (model: SchemaModel, name: string) => model.elements.filter((e) => e.n === name);

describe('the RelaxNG compiler', () => {
  it('flattens choices, optionals and refs into attributes, children and value types', () => {
    const model = compile({
      'main.rng': `<grammar ${RNG}>
        <start><ref name="vm"/></start>
        <define name="vm"><element name="vm">
          <attribute name="type"><choice><value>kvm</value><value>qemu</value></choice></attribute>
          <optional><attribute name="id"><ref name="uint"/></attribute></optional>
          <interleave>
            <element name="name"><text/></element>
            <optional><ref name="disk"/></optional>
            <zeroOrMore><element name="meta"><anyName/><empty/></element></zeroOrMore>
          </interleave>
        </element></define>
        <define name="disk"><element name="disk"><attribute name="bus"/><element name="size"><ref name="uint"/></element></element></define>
        <define name="uint"><choice><data type="unsignedInt"><param name="pattern">[0-9]+</param></data><data type="string"><param name="pattern">0x[0-9a-fA-F]+</param></data></choice></define>
      </grammar>`,
    });
    const [vm] = byName(model, 'vm');
    assert.deepEqual(model.root, [0]);
    assert.deepEqual(model.types[vm!.a!.type!], { v: ['kvm', 'qemu'] });
    assert.deepEqual(model.types[vm!.a!.id!], {
      d: [
        { t: 'unsignedInt', p: '[0-9]+' },
        { t: 'string', p: '0x[0-9a-fA-F]+' },
      ],
    });
    assert.deepEqual(vm!.ra, ['type'], 'an optional attribute is not required');
    assert.deepEqual(
      vm!.c!.map((id) => model.elements[id]!.n),
      ['name', 'disk', 'meta'],
    );
    assert.deepEqual(
      vm!.rc!.map((id) => model.elements[id]!.n),
      ['name'],
    );
    const [disk] = byName(model, 'disk');
    assert.deepEqual(model.types[disk!.a!.bus!], { any: 1 }, 'an attribute without content takes any text');
    assert.deepEqual(
      disk!.rc!.map((id) => model.elements[id]!.n),
      ['size'],
    );
    assert.deepEqual(model.types[byName(model, 'size')[0]!.t!], model.types[vm!.a!.id!]);
  });

  it('requires what every branch of a choice requires', () => {
    const model = compile({
      'main.rng': `<grammar ${RNG}><start><element name="timer">
        <choice>
          <group><attribute name="name"><value>rtc</value></attribute><attribute name="track"/><element name="catchup"><empty/></element></group>
          <group><attribute name="name"><value>hpet</value></attribute><element name="catchup"><attribute name="limit"/></element></group>
        </choice>
        <choice><attribute name="a"/><empty/></choice>
      </element></start></grammar>`,
    });
    const [timer] = byName(model, 'timer');
    assert.deepEqual(timer!.ra, ['name']);
    assert.deepEqual(model.types[timer!.a!.name!], { v: ['rtc', 'hpet'] });
    assert.deepEqual(
      timer!.rc!.map((id) => model.elements[id]!.n),
      ['catchup', 'catchup'],
      'both <catchup> variants are required by name',
    );
  });

  it('follows includes, with an include’s own defines overriding and combine="choice" adding', () => {
    const model = compile({
      'main.rng': `<grammar ${RNG}><start><ref name="root"/></start>
        <include href="lib/common.rng"><define name="mode"><value>override</value></define></include>
        <define name="extra" combine="choice"><value>added</value></define></grammar>`,
      'lib/common.rng': `<grammar ${RNG}><include href="types.rng"/>
        <define name="root"><element name="root"><attribute name="mode"><ref name="mode"/></attribute><attribute name="extra"><ref name="extra"/></attribute></element></define>
        <define name="mode"><value>original</value></define></grammar>`,
      'lib/types.rng': `<grammar ${RNG}><define name="extra"><value>base</value></define></grammar>`,
    });
    const [root] = byName(model, 'root');
    assert.deepEqual(model.types[root!.a!.mode!], { v: ['override'] });
    assert.deepEqual(model.types[root!.a!.extra!], { v: ['base', 'added'] });
  });

  it('records namespaces, inherited as RelaxNG does, and open content', () => {
    const model = compile({
      'main.rng': `<grammar ${RNG}><start><element name="domain">
        <optional><element name="metadata"><zeroOrMore><element><anyName/><zeroOrMore><attribute><anyName/></attribute></zeroOrMore></element></zeroOrMore></element></optional>
        <optional><element name="commandline" ns="urn:qemu"><element name="arg"><attribute name="value"/></element></element></optional>
      </element></start></grammar>`,
    });
    assert.equal(byName(model, 'commandline')[0]!.ns, 'urn:qemu');
    assert.equal(byName(model, 'arg')[0]!.ns, 'urn:qemu');
    assert.equal(byName(model, 'metadata')[0]!.anyC, 1);
  });

  it('refuses what it cannot read instead of producing a wrong model', () => {
    assert.throws(() => compile({ 'main.rng': `<grammar ${RNG}><start><ref name="missing"/></start></grammar>` }), /undefined pattern/);
    assert.throws(() => compile({ 'main.rng': '<grammar><start>' }), /not a well-formed RelaxNG grammar/);
  });
});

describe('the committed schema model', () => {
  it(`is what the generator makes of the installed libvirt schemas (${DEFAULT_SCHEMAS})`, () => {
    assert.ok(
      existsSync(`${DEFAULT_SCHEMAS}/domain.rng`),
      'libvirt-clients installs the schemas (.ci/run and scripts/ensure-libvirt.mjs install it)',
    );
    const committed = JSON.parse(readFileSync(SCHEMA_MODEL_PATH, 'utf8')) as SchemaModel;
    assert.equal(
      committed.version,
      installedLibvirtVersion(),
      'the installed libvirt differs from the one the model was made from: run npm run schema',
    );
    assert.equal(readFileSync(SCHEMA_MODEL_PATH, 'utf8'), generateSchemaModel(), 'the committed model is stale: run npm run schema');
    assert.match(committed.license, /LGPL-2\.1-or-later/);
    assert.ok(committed.elements.length > 500);
  });

  it('and so are the network, storage pool and storage volume models, each rooted at its element', () => {
    const roots: Record<string, string> = { 'network.rng': 'network', 'storagepool.rng': 'pool', 'storagevol.rng': 'volume' };
    for (const { rng, path } of SCHEMA_MODELS.filter((entry) => entry.rng !== 'domain.rng')) {
      assert.equal(readFileSync(path, 'utf8'), generateSchemaModel(undefined, undefined, rng), `${path} is stale: run npm run schema`);
      const model = JSON.parse(readFileSync(path, 'utf8')) as SchemaModel;
      assert.deepEqual(
        model.root.map((id) => model.elements[id]!.n),
        [roots[rng]],
      );
      assert.ok(model.elements.length > 20, `${rng}: ${model.elements.length} elements`);
    }
  });
});
