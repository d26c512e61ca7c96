import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { rendererComponents } from './renderer-components.ts';

/**
 * Every word the screens show comes from the catalogues, so a string missing from a locale is a
 * missing key, which src/renderer/i18n/catalogues.test.ts catches. This test catches the other way to miss one: text
 * written straight into a component (JSX text, a label-like attribute, a string in braces, the words
 * of an Error a component throws, which its problem box shows).
 */
const LABEL_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label']);
/** What is the same in every language: the brand, key names, languages named in their own tongue, technical examples. */
const SAME_IN_EVERY_LANGUAGE = [/^Ringside$/, /^(Enter|Esc|Alt\+[A-Z0-9])$/, /^(English|Русский|Ελληνικά)$/, /^(wss?|sips?):/, /^[A-Z]{2}(, [A-Z]{2})*…?$/, /^-----BEGIN CERTIFICATE-----$/];

function hardCodedText(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const check = (node: ts.Node, text: string) => {
    const trimmed = text.trim();
    if (/\p{L}{2,}/u.test(trimmed) && !SAME_IN_EVERY_LANGUAGE.some((allowed) => allowed.test(trimmed))) {
      found.push(`${fileName}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${JSON.stringify(trimmed)}`);
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) check(node, node.text);
    if (ts.isJsxAttribute(node) && LABEL_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)) check(node, node.initializer.text);
    // In braces: what is shown as content, or as a label-like attribute (not classes, roles, data-*).
    if (ts.isJsxExpression(node) && node.expression && (!ts.isJsxAttribute(node.parent) || LABEL_ATTRIBUTES.has(node.parent.name.getText()))) shown(node.expression);
    if (ts.isNewExpression(node) && node.expression.getText() === 'Error' && node.arguments?.[0]) shown(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  /** The strings an expression in braces can put on screen: itself, either branch of `?:`, the fallback of `??` / `||`, a template's literal parts. */
  const shown = (expression: ts.Expression): void => {
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) check(expression, expression.text);
    else if (ts.isTemplateExpression(expression)) check(expression, [expression.head.text, ...expression.templateSpans.map((span) => span.literal.text)].join(' '));
    else if (ts.isParenthesizedExpression(expression)) shown(expression.expression);
    else if (ts.isConditionalExpression(expression)) {
      shown(expression.whenTrue);
      shown(expression.whenFalse);
    } else if (ts.isBinaryExpression(expression) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(expression.operatorToken.kind)) {
      shown(expression.right);
    }
  };
  visit(file);
  return found;
}

describe('the screens’ text comes from the catalogues', () => {
  it('finds text written into a component (and lets the brand, key names and examples through)', () => {
    const sample = `const A = () => <p title="Close it" placeholder="sip:101@pbx" className={x ? 'big box' : 'box'} aria-label={x ? 'Open' : t('a')}>Hello there <kbd>Alt+H</kbd> {'Oops'} Ringside {t('ok')} {x ? 'Wait…' : t('b')} {n ?? \`\${n} left\`} {x === 'done' && t('c')}</p>; const f = () => { throw new Error('Not connected'); };`;
    expect(hardCodedText('sample.tsx', sample)).toEqual(['sample.tsx:1 "Close it"', 'sample.tsx:1 "Open"', 'sample.tsx:1 "Hello there"', 'sample.tsx:1 "Oops"', 'sample.tsx:1 "Wait…"', 'sample.tsx:1 "left"', 'sample.tsx:1 "Not connected"']);
  });

  it('has no UI text outside the catalogues in any renderer component', () => {
    const components = rendererComponents();
    expect(components.length).toBeGreaterThan(40);
    expect(components.flatMap(({ name, source }) => hardCodedText(name, source))).toEqual([]);
  });
});
