import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatBytes, parseSize, unitScale } from '../../server/src/service/model/sizeUnits';

describe('sizeUnits', () => {
  const table: Array<[string | undefined, number]> = [
    [undefined, 1024],
    ['', 1024],
    ['b', 1],
    ['bytes', 1],
    ['Byte', 1],
    ['k', 1024],
    ['KiB', 1024],
    ['KB', 1000],
    ['kb', 1000],
    ['M', 1024 ** 2],
    ['MiB', 1024 ** 2],
    ['MB', 1000 ** 2],
    ['G', 1024 ** 3],
    ['GiB', 1024 ** 3],
    ['GB', 1000 ** 3],
    ['T', 1024 ** 4],
    ['TiB', 1024 ** 4],
    ['TB', 1000 ** 4],
    ['P', 1024 ** 5],
    ['PB', 1000 ** 5],
    ['E', 1024 ** 6],
    ['EiB', 1024 ** 6],
  ];
  for (const [unit, scale] of table) {
    it(`reads unit ${JSON.stringify(unit)} as ${scale} bytes`, () => assert.equal(unitScale(unit), scale));
  }

  it('rejects units libvirt rejects', () => {
    for (const unit of ['x', 'KiBB', 'Kib2', 'gigabytes', 'iB']) assert.equal(unitScale(unit), undefined, unit);
  });

  it('reads values as libvirt does: leading blanks and + allowed, trailing blanks and hex not', () => {
    assert.deepEqual(parseSize('8388608', 'KiB'), { bytes: 8 * 1024 ** 3 });
    assert.deepEqual(parseSize(' 8', 'GiB'), { bytes: 8 * 1024 ** 3 });
    assert.deepEqual(parseSize('+1', 'MiB'), { bytes: 1024 ** 2 });
    assert.ok('error' in parseSize('8 ', 'GiB'));
    assert.ok('error' in parseSize('0x10', 'GiB'));
    assert.ok('error' in parseSize('-1', 'GiB'));
    assert.ok('error' in parseSize('1', 'furlongs'));
    assert.ok('error' in parseSize('99999999999999999999', 'EiB'));
  });

  it('prints sizes in binary units', () => {
    assert.equal(formatBytes(8 * 1024 ** 3), '8 GiB');
    assert.equal(formatBytes(1536 * 1024 ** 2), '1.5 GiB');
    assert.equal(formatBytes(512), '512 bytes');
    assert.equal(formatBytes(4000 * 1000 ** 2), '3.73 GiB');
  });
});
