import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

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

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? componentFiles(path) : entry.name.endsWith('.tsx') ? [path] : [];
  });
}

describe('days and times are entered in the screen’s language', () => {
  it('finds a native date or time input, whichever way its type is written', () => {
    const sample = `const A = () => <form><input type="date" /><input type={'datetime-local'} /><input type="text" /><input type="time" /></form>;`;
    expect(nativeDateInputs('sample.tsx', sample)).toEqual(['sample.tsx:1 type="date"', 'sample.tsx:1 type="datetime-local"', 'sample.tsx:1 type="time"']);
  });

  it('has no native date or time input in any renderer component', () => {
    const root = join(import.meta.dirname, '../../src/renderer');
    const files = componentFiles(root);
    expect(files.length).toBeGreaterThan(40);
    expect(files.flatMap((file) => nativeDateInputs(relative(root, file), readFileSync(file, 'utf8')))).toEqual([]);
  });
});
