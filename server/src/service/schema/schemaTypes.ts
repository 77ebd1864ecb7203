// The shape of the generated schema model (server/src/service/schema/domainSchema.json), shared by its
// generator (scripts/schema) and the server. Short keys: the file is shipped and loaded at every start.

/** A datatype from the grammar: an XML Schema type with libvirt's pattern and bounds. */
export interface DataType {
  /** XML Schema type name: string, unsignedInt, int, long, unsignedLong, dateTime... */
  t: string;
  /** Pattern (XML Schema regular expression, implicitly anchored). */
  p?: string;
  min?: number;
  max?: number;
  minLen?: number;
  maxLen?: number;
  /** Values excluded from the type. */
  not?: string[];
}

/** What a value (an attribute's or an element's text) may be: any of the literal values or data types. */
export interface ValueType {
  v?: string[];
  d?: DataType[];
  /** Any text at all. */
  any?: 1;
}

export interface SchemaElement {
  /** Local name. */
  n: string;
  /** Namespace URI when not libvirt's default (the qemu:commandline elements). */
  ns?: string;
  /** Attributes: name → index into `types`. */
  a?: Record<string, number>;
  /** Required attributes. */
  ra?: string[];
  /** Allowed child elements (indexes into `elements`). */
  c?: number[];
  /** Required child elements. */
  rc?: number[];
  /** Type of the text content, when the element has any. */
  t?: number;
  /** Any attribute is allowed (grammar's anyName). */
  anyA?: 1;
  /** Any child element is allowed (custom metadata). */
  anyC?: 1;
}

export interface SchemaModel {
  /** Where the grammar was read from, its libvirt version and licence. */
  source: string;
  version: string;
  license: string;
  /** The elements allowed as the document's root. */
  root: number[];
  elements: SchemaElement[];
  types: ValueType[];
}
