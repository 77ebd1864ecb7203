// Storage pool and volume definitions as their rules read them: the pool's type, source and target; the volume's
// sizes and format. Every part keeps its element so that rules can point at it.

import type { DocumentModel } from '../languageTypes';
import { attribute, firstChild, textOf, type XmlAttribute, type XmlElement } from '../xml/xmlTree';

export interface StoragePoolModel extends DocumentModel {
  readonly type: XmlAttribute | undefined;
  readonly name: string | undefined;
  readonly source: XmlElement | undefined;
  readonly target: XmlElement | undefined;
}

export interface StorageVolumeModel extends DocumentModel {
  /** type= on <volume> (file, block, dir, network, netdir, ploop). */
  readonly type: XmlAttribute | undefined;
  readonly name: string | undefined;
  readonly capacity: XmlElement | undefined;
  readonly allocation: XmlElement | undefined;
  readonly target: XmlElement | undefined;
  /** <target><format type=…>. */
  readonly format: XmlAttribute | undefined;
}

export function buildStoragePoolModel(root: XmlElement): StoragePoolModel | undefined {
  if (root.name !== 'pool') return undefined;
  return {
    root,
    type: attribute(root, 'type'),
    name: textOf(firstChild(root, 'name')),
    source: firstChild(root, 'source'),
    target: firstChild(root, 'target'),
  };
}

export function buildStorageVolumeModel(root: XmlElement): StorageVolumeModel | undefined {
  if (root.name !== 'volume') return undefined;
  const target = firstChild(root, 'target');
  const format = firstChild(target, 'format');
  return {
    root,
    type: attribute(root, 'type'),
    name: textOf(firstChild(root, 'name')),
    capacity: firstChild(root, 'capacity'),
    allocation: firstChild(root, 'allocation'),
    target,
    format: format ? attribute(format, 'type') : undefined,
  };
}
