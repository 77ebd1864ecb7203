// The ASCII approximation of an XML name that the light-weight matchers use (the cursor's context, entity
// references, a repaired attribute, the schema's \i and \c pattern classes). The parser itself applies XML 1.0's
// full NameStartChar/NameChar (xmlParser.ts); libvirt's names are all ASCII.

/** A character that may start a name. */
export const NAME_START_CLASS = '[A-Za-z_:]';
/** A character that may follow in a name. */
export const NAME_CHAR_CLASS = '[\\w.:-]';
/** A whole name, as regular-expression source. */
export const SIMPLE_NAME = `${NAME_START_CLASS}${NAME_CHAR_CLASS}*`;
