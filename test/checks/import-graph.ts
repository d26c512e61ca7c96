import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '../..');
const RESOLUTION: ts.CompilerOptions = { moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext, allowImportingTsExtensions: true, jsx: ts.JsxEmit.ReactJSX };

/** Every .ts and .tsx file under a folder of the repository, keyed by its path from the repository's root. */
export function sourcesUnder(folder: string): Map<string, string> {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
    });
  return new Map(walk(join(ROOT, folder)).map((file) => [relative(ROOT, file), readFileSync(file, 'utf8')]));
}

/**
 * What a file imports, by the specifiers it names: import and export … from (type-only ones too,
 * since a type cycle ties the files together just as much for whoever reads or splits them),
 * import() and typeof import() types.
 */
function specifiers(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) found.push(node.arguments[0].text);
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) found.push(node.argument.literal.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Styles, pictures and data a file may import: they import nothing back, so they are not in the graph. */
const NOT_CODE = /\.(css|svg|png|json|html)(\?.*)?$/;

/**
 * The import graph among the given files: for each file, the files of the set it imports (packages
 * are left out), and the relative imports that led to no file, so a form the walk does not know
 * cannot hide a cycle.
 */
export function importGraph(files: Map<string, string>): { graph: Map<string, string[]>; unresolved: string[] } {
  const host: ts.ModuleResolutionHost = { fileExists: (path) => files.has(path), readFile: (path) => files.get(path) };
  const graph = new Map<string, string[]>();
  const unresolved: string[] = [];
  for (const [fileName, source] of files) {
    const targets: string[] = [];
    for (const specifier of specifiers(fileName, source)) {
      if (!specifier.startsWith('.') || NOT_CODE.test(specifier)) continue;
      const target = ts.resolveModuleName(specifier, fileName, RESOLUTION, host).resolvedModule?.resolvedFileName;
      if (target !== undefined && files.has(target)) targets.push(target);
      else unresolved.push(`${fileName}: ${specifier}`);
    }
    graph.set(fileName, [...new Set(targets)].sort());
  }
  return { graph, unresolved };
}

/** A group of files that import each other round, and one way round it: ['a.ts', 'b.ts', 'a.ts']. */
export interface ImportCycle {
  files: string[];
  path: string[];
}

/**
 * The import cycles of a graph, one per group of files that reach each other (a strongly connected
 * component, found with Tarjan's walk); the path starts and ends at the group's first file in sorted order.
 */
export function importCycles(graph: Map<string, string[]>): ImportCycle[] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const connect = (file: string) => {
    index.set(file, index.size);
    lowLink.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        connect(target);
        lowLink.set(file, Math.min(lowLink.get(file)!, lowLink.get(target)!));
      } else if (onStack.has(target)) {
        lowLink.set(file, Math.min(lowLink.get(file)!, index.get(target)!));
      }
    }
    if (lowLink.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || (graph.get(file) ?? []).includes(file)) groups.push(group.sort());
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) connect(file);
  return groups.map((files) => ({ files, path: cyclePath(graph, new Set(files), files[0]!) })).sort((a, b) => a.files[0]!.localeCompare(b.files[0]!));
}

/** The shortest way round from a file back to itself, staying inside its group. */
function cyclePath(graph: Map<string, string[]>, group: Set<string>, start: string): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i]!;
    for (const target of graph.get(file) ?? []) {
      if (!group.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let at: string | undefined = file; at !== start && at !== undefined; at = cameFrom.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, file);
        queue.push(target);
      }
    }
  }
  return [start, start];
}
