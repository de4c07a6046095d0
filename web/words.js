// The page's glue says nothing of its own: its sentences are pycore's catalog
// (pycore/catalog), written into the built page by build.py, and filled in here the way
// pycore fills them: {name} placeholders; a message with plural forms picks one by its
// `count`, with the browser's plural rules for the catalog's language.

export function createWords(messages, locale) {
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  return function say(id, values = {}) {
    let text = messages[id];
    if (text === undefined) throw new RangeError(id); // a message pycore's catalog lacks: a bug
    if (typeof text === "object") text = text[plurals.select(values.count)] ?? text.other;
    return text.replace(/\{(\w+)\}/g, (_, name) => {
      const value = values[name];
      return typeof value === "number" ? numbers.format(value) : String(value ?? "");
    });
  };
}
