import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { domainSchema } from '../../server/src/service/schema/libvirtSchema';
import { acceptsData, acceptsValue, describeTypes, patternOf } from '../../server/src/service/schema/valueTypes';

describe('schema value types', () => {
  it('checks XML Schema integers with their ranges, white space collapsed', () => {
    assert.ok(acceptsData({ t: 'unsignedInt' }, '4294967295'));
    assert.ok(!acceptsData({ t: 'unsignedInt' }, '4294967296'));
    assert.ok(!acceptsData({ t: 'unsignedInt' }, '-1'));
    assert.ok(acceptsData({ t: 'unsignedLong' }, ' 18446744073709551615 '));
    assert.ok(!acceptsData({ t: 'positiveInteger' }, '0'));
    assert.ok(!acceptsData({ t: 'int' }, '1.5'));
    assert.ok(!acceptsData({ t: 'int', min: 0, max: 65535 }, '65536'));
    assert.ok(acceptsData({ t: 'dateTime' }, '2026-11-26T04:00:00Z'));
  });

  it('anchors libvirt patterns and honours exclusions', () => {
    assert.ok(acceptsData({ t: 'string', p: '0x[0-9a-fA-F]+' }, '0x1f'));
    assert.ok(!acceptsData({ t: 'string', p: '0x[0-9a-fA-F]+' }, 'x0x1f'));
    assert.ok(!acceptsData({ t: 'string', p: '[^/]+', not: ['.', '..'] }, '..'));
  });

  it('translates every pattern of the committed schema', () => {
    const { types } = domainSchema().model;
    const untranslated = types
      .flatMap((type) => type.d ?? [])
      .filter((data) => data.p !== undefined && patternOf(data) === null)
      .map((data) => data.p);
    assert.deepEqual(untranslated, []);
  });

  it('accepts a value when any type of the union does, and says what was expected', () => {
    const types = [{ v: ['auto'] }, { d: [{ t: 'unsignedInt' }] }];
    assert.ok(acceptsValue(types, 'auto') && acceptsValue(types, '12'));
    assert.ok(!acceptsValue(types, 'twelve'));
    assert.equal(describeTypes(types), 'an unsigned integer, or one of: auto');
    assert.ok(acceptsValue([{ any: 1 }], 'anything'));
  });
});
