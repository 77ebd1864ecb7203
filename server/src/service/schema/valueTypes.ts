// Checking a value against the schema's value types (literal values and XML Schema datatypes with libvirt's
// patterns and bounds), and describing what was expected.

import { type Message, messages } from '../../l10n/message';
import { NAME_CHAR_CLASS, NAME_START_CLASS } from '../xml/xmlNames';
import type { DataType, ValueType } from './schemaTypes';

// What a value may be, in words (said by the schema rule's diagnostics, hover and completion).
const M = messages('schema', {
  positiveInteger: 'a positive integer',
  positiveIntegerInRange: 'a positive integer from {min} to {max}',
  integer: 'an integer',
  integerInRange: 'an integer from {min} to {max}',
  unsignedInteger: 'an unsigned integer',
  unsignedIntegerInRange: 'an unsigned integer from {min} to {max}',
  hexadecimal: 'hexadecimal (0x…)',
  textMatching: 'text matching {pattern}',
  text: 'text',
  dataType: 'a {type}',
  oneOf: 'one of: {values}',
  orOneOf: 'or one of: {values}',
  typesList: '{list}, {item}',
  nothing: 'nothing (no value)',
});

const INTEGER_RANGES: Record<string, readonly [bigint | undefined, bigint | undefined]> = {
  integer: [undefined, undefined],
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
  short: [-32768n, 32767n],
  byte: [-128n, 127n],
  unsignedInt: [0n, 2n ** 32n - 1n],
  unsignedLong: [0n, 2n ** 64n - 1n],
  unsignedShort: [0n, 65535n],
  unsignedByte: [0n, 255n],
  positiveInteger: [1n, undefined],
  nonNegativeInteger: [0n, undefined],
  negativeInteger: [undefined, -1n],
  nonPositiveInteger: [undefined, 0n],
};

const INTEGER_LEXICAL = /^[+-]?[0-9]+$/;
const LEXICAL: Record<string, RegExp> = {
  dateTime: /^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$/,
  NCName: /^[A-Za-z_\u00C0-\uFFFD][\w.\-\u00B7\u00C0-\uFFFD]*$/,
  boolean: /^(true|false|1|0)$/,
  decimal: /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/,
  double: /^([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?INF|NaN)$/,
  float: /^([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?INF|NaN)$/,
};

const compiled = new WeakMap<DataType, RegExp | null>();

/** An XML Schema regular expression as an anchored JavaScript one (null when it cannot be translated). */
export function patternOf(type: DataType): RegExp | null {
  if (type.p === undefined) return null;
  let regex = compiled.get(type);
  if (regex === undefined) {
    const source = type.p.replace(/\\i/g, NAME_START_CLASS).replace(/\\c/g, NAME_CHAR_CLASS);
    regex = null;
    for (const flags of ['u', '']) {
      try {
        regex = new RegExp(`^(?:${source})$`, flags);
        break;
      } catch {
        /* try the next flags */
      }
    }
    compiled.set(type, regex);
  }
  return regex;
}

function isNumericType(type: DataType): boolean {
  return type.t in INTEGER_RANGES || type.t === 'decimal' || type.t === 'double' || type.t === 'float';
}

export function acceptsData(type: DataType, raw: string): boolean {
  // Every datatype but string collapses white space before it looks at the value.
  const value = type.t === 'string' ? raw : raw.trim();
  const range = INTEGER_RANGES[type.t];
  if (range) {
    if (!INTEGER_LEXICAL.test(value)) return false;
    const number = BigInt(value);
    if ((range[0] !== undefined && number < range[0]) || (range[1] !== undefined && number > range[1])) return false;
  } else {
    const lexical = LEXICAL[type.t];
    if (lexical && !lexical.test(value)) return false;
  }
  if (type.min !== undefined && !(Number(value) >= type.min)) return false;
  if (type.max !== undefined && !(Number(value) <= type.max)) return false;
  if (type.minLen !== undefined && [...value].length < type.minLen) return false;
  if (type.maxLen !== undefined && [...value].length > type.maxLen) return false;
  if (type.not?.includes(value)) return false;
  const pattern = patternOf(type);
  return !pattern || pattern.test(value);
}

/** Verdicts per type and value: documents repeat the same values ('0x0000', 'virtio') thousands of times. */
const verdicts = new WeakMap<ValueType, Map<string, boolean>>();
const MAX_REMEMBERED = 512;

export function acceptsValue(types: readonly ValueType[], value: string): boolean {
  for (const type of types) if (acceptedBy(type, value)) return true;
  return false;
}

function acceptedBy(type: ValueType, value: string): boolean {
  if (type.any) return true;
  if (type.v?.includes(value)) return true;
  if (!type.d) return false;
  let known = verdicts.get(type);
  const remembered = known?.get(value);
  if (remembered !== undefined) return remembered;
  const verdict = type.d.some((data) => acceptsData(data, value));
  if (!known) verdicts.set(type, (known = new Map()));
  if (known.size < MAX_REMEMBERED) known.set(value, verdict);
  return verdict;
}

/** The literal values of the types (their enumeration), each once. */
export function enumeratedValues(types: readonly ValueType[]): string[] {
  const values = new Set<string>();
  for (const type of types) for (const value of type.v ?? []) if (value !== '') values.add(value);
  return [...values];
}

export function hasNumbers(types: readonly ValueType[]): boolean {
  return types.some((type) => type.d?.some(isNumericType));
}

/** What the types expect, in words: "one of: a, b", "an unsigned integer (0x… hex allowed)", … (in English). */
export function describeTypes(types: readonly ValueType[]): string {
  return typesDescription(types).toString();
}

/** What the types expect, as a message: "one of: a, b", "an unsigned integer, hexadecimal (0x…)", … */
export function typesDescription(types: readonly ValueType[]): Message {
  const parts: Message[] = [];
  const values = enumeratedValues(types);
  const data = types.flatMap((type) => type.d ?? []);
  const numbers = data.filter(isNumericType);
  if (numbers.length) parts.push(describeNumber(numbers));
  const hex = data.some((d) => d.t === 'string' && d.p?.startsWith('0x'));
  if (hex) parts.push(M.hexadecimal());
  const strings = data.filter((d) => (d.t !== 'string' ? !isNumericType(d) : !d.p?.startsWith('0x')));
  for (const string of strings)
    parts.push(string.p ? M.textMatching({ pattern: string.p }) : string.t === 'string' ? M.text() : M.dataType({ type: string.t }));
  if (values.length) parts.push(parts.length ? M.orOneOf({ values: values.join(', ') }) : M.oneOf({ values: values.join(', ') }));
  if (!parts.length) return M.nothing();
  return parts.reduce((list, item) => M.typesList({ list, item }));
}

function describeNumber(numbers: readonly DataType[]): Message {
  const signed = numbers.some((d) => /^(int|integer|long|short|byte|decimal|double|float)$/.test(d.t));
  const kind = numbers.every((d) => d.t === 'positiveInteger') ? 'positiveInteger' : signed ? 'integer' : 'unsignedInteger';
  const min = numbers.map((d) => d.min).filter((v) => v !== undefined);
  const max = numbers.map((d) => d.max).filter((v) => v !== undefined);
  if (min.length === numbers.length && max.length === numbers.length)
    return M[`${kind}InRange`]({ min: Math.min(...min), max: Math.max(...max) });
  return M[kind]();
}
