import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { rendererComponents } from './renderer-components.ts';

/**
 * A native date or time input follows the browser's locale, not Ringside's language: "mm/dd/yyyy,
 * --:-- --" under Russian or Greek words. Days and times are chosen with the when-field and typed
 * with the date-field, which speak the screen's language. This check finds a native one in a component.
 */
const NATIVE_DATE_TYPES = new Set(['date', 'datetime-local', 'time', 'month', 'week']);

function nativeDateInputs(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxAttribute(node) && node.name.getText() === 'type' && node.initializer) {
      const value = ts.isStringLiteral(node.initializer) ? node.initializer.text : ts.isJsxExpression(node.initializer) && node.initializer.expression && ts.isStringLiteral(node.initializer.expression) ? node.initializer.expression.text : null;
      if (value !== null && NATIVE_DATE_TYPES.has(value)) found.push(`${fileName}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1} type="${value}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('days and times are entered in the screen’s language', () => {
  it('finds a native date or time input, whichever way its type is written', () => {
    const sample = `const A = () => <form><input type="date" /><input type={'datetime-local'} /><input type="text" /><input type="time" /></form>;`;
    expect(nativeDateInputs('sample.tsx', sample)).toEqual(['sample.tsx:1 type="date"', 'sample.tsx:1 type="datetime-local"', 'sample.tsx:1 type="time"']);
  });

  it('has no native date or time input in any renderer component', () => {
    const components = rendererComponents();
    expect(components.length).toBeGreaterThan(40);
    expect(components.flatMap(({ name, source }) => nativeDateInputs(name, source))).toEqual([]);
  });
});
