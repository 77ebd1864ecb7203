import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cursorContextAt } from '../../server/src/service/cursorContext';
import { parseXml } from '../../server/src/service/xml/xmlParser';

function contextAt(marked: string) {
  const offset = marked.indexOf('|');
  const context = cursorContextAt(parseXml(marked.replace('|', '')), offset);
  if (!context) return undefined;
  const { kind, prefix } = context;
  const where = 'parent' in context ? context.parent?.name : undefined;
  return {
    kind,
    prefix,
    where,
    ...('attribute' in context ? { attribute: context.attribute, tag: context.tag } : {}),
    ...('element' in context && context.kind === 'text' ? { element: context.element.name } : {}),
  };
}

describe('the cursor context', () => {
  it('tells a new element’s name, an attribute name, an attribute value and text apart', () => {
    assert.deepEqual(contextAt('<domain><devices><di|</devices></domain>'), { kind: 'element-name', prefix: 'di', where: 'devices' });
    assert.deepEqual(contextAt("<domain><devices><disk type='file' dev|/></devices></domain>"), {
      kind: 'attribute-name',
      prefix: 'dev',
      where: 'devices',
    });
    assert.deepEqual(contextAt('<domain><devices><disk><target dev=\'vda\' bus="vi|"/></disk></devices></domain>'), {
      kind: 'attribute-value',
      prefix: 'vi',
      where: 'disk',
      attribute: 'bus',
      tag: 'target',
    });
    assert.deepEqual(contextAt('<domain><on_reboot>re|</on_reboot></domain>'), {
      kind: 'text',
      prefix: 're',
      where: undefined,
      element: 'on_reboot',
    });
  });

  it('finds the parent in documents the user is still typing', () => {
    assert.equal(contextAt("<domain>\n  <devices>\n    <disk type='file'>\n      <|\n")?.where, 'disk');
    assert.equal(contextAt("<domain>\n  <devices>\n    <disk type='file'/>\n    <|\n  </devices>\n</domain>")?.where, 'devices');
    assert.equal(contextAt("<domain>\n  <devices>\n    <interface type='network'>\n    </interface>\n    <|\n")?.where, 'devices');
  });

  it('knows an end tag being typed, and has nothing before the root', () => {
    assert.deepEqual(contextAt('<domain></dom|ain>'), { kind: 'end-tag', prefix: 'dom', where: undefined });
    assert.equal(contextAt('|<domain/>'), undefined);
  });
});
