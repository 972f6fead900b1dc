/**
 * Finds every SQL statement the platform's code sends to PostgreSQL, by reading the source with
 * the TypeScript compiler (no regular expressions): the first argument of every `.query(…)` call,
 * the statement argument of the platform's typed helpers (`query`, `one`, `maybeOne`,
 * `preparedQuery` from libs/platform), resolved to its text where that can be done statically:
 * - string literals and template literals, with each `${…}` resolved in turn;
 * - `const` variables, readonly class properties and properties of `const` object literals,
 *   also when imported from another file;
 * - `a ? 'x' : 'y'` and `a + b`: every combination becomes a statement of its own (a variant);
 * - `[…].join(sep)` on an array of resolvable strings;
 * - a parameter of a function or method: the argument given at each of its call sites in the
 *   program (each call site then counts as a statement of its own), or its default value;
 * - a constructor parameter property (`constructor(private readonly table = '…')`): its default and
 *   the argument of every `new` of that class.
 * What is left is SQL built at run time (a list of filters joined together): such a call site is
 * reported as unresolved, with the reason, and must be allow-listed (see dynamic-sql.allow.json).
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import ts from 'typescript';

export interface SqlSite {
  /** Path relative to the root, with forward slashes. */
  file: string;
  line: number;
  /** The enclosing function, e.g. `OutboxRepository.claim` (the allow-list's key with `file`). */
  within: string;
  /** The statement's variants (one for most), or null when it cannot be resolved statically. */
  texts: string[] | null;
  /** Why it could not be resolved. */
  reason?: string;
}

/** The helpers of libs/platform whose statement is not the first argument. */
const PLATFORM_HELPERS: Record<string, number> = { query: 1, one: 1, maybeOne: 1, preparedQuery: 1 };
/** The helpers themselves: they pass on their caller's statement, which is checked at each call. */
const PASS_THROUGH = /(^|\/)libs\/platform\/src\/database\/(sql|prepared-query)\.ts$/;
const MAX_VARIANTS = 64;

class Unresolved {
  constructor(readonly reason: string) {}
}
type Resolved = string[] | Unresolved;

/** The .ts files under libs/ and apps/*\/src that are not tests. */
export function sourceFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== 'dist') walk(p);
      } else if (e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  walk(path.join(root, 'libs'));
  for (const app of fs.readdirSync(path.join(root, 'apps'))) {
    if (app !== 'web' && fs.existsSync(path.join(root, 'apps', app, 'src'))) walk(path.join(root, 'apps', app, 'src'));
  }
  return out.sort();
}

function compilerOptions(root: string): ts.CompilerOptions {
  const configPath = path.join(root, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root);
  return { ...parsed.options, noEmit: true };
}

/**
 * The statements in `files` (absolute paths; default: every non-test source file of libs/ and
 * apps/), in file and line order.
 */
export function extractSql(root: string, files: string[] = sourceFiles(root)): SqlSite[] {
  const program = ts.createProgram(files, compilerOptions(root));
  const checker = program.getTypeChecker();
  const wanted = new Set(files.map((f) => path.resolve(f)));
  const sources = program.getSourceFiles().filter((s) => wanted.has(path.resolve(s.fileName)));
  const sites: SqlSite[] = [];
  const rel = (f: string): string => path.relative(root, f).split(path.sep).join('/');

  // Call sites per function declaration, computed once over the whole program's own files.
  let callIndex: Map<ts.Node, Array<ts.CallExpression | ts.NewExpression>> | null = null;
  const callsOf = (decl: ts.Node): Array<ts.CallExpression | ts.NewExpression> => {
    if (!callIndex) {
      callIndex = new Map();
      for (const sf of program.getSourceFiles()) {
        if (sf.isDeclarationFile || sf.fileName.includes('/node_modules/')) continue;
        const visit = (n: ts.Node): void => {
          if (ts.isCallExpression(n) || ts.isNewExpression(n)) {
            const callee = ts.isCallExpression(n) ? n.expression : n.expression;
            let sym = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(callee) ? callee.name : callee);
            if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
            for (const d of sym?.declarations ?? []) {
              let target: ts.Node = d;
              // `const f = (…) => …`: the function is the initializer; `new C(…)`: the constructor.
              if (ts.isVariableDeclaration(d) && d.initializer) target = d.initializer;
              if (ts.isClassDeclaration(d) && ts.isNewExpression(n)) target = d.members.find(ts.isConstructorDeclaration) ?? d;
              const list = callIndex!.get(target) ?? [];
              list.push(n);
              callIndex!.set(target, list);
            }
          }
          ts.forEachChild(n, visit);
        };
        visit(sf);
      }
    }
    return callIndex.get(decl) ?? [];
  };

  const combine = (parts: Resolved[]): Resolved => {
    let acc = [''];
    for (const p of parts) {
      if (p instanceof Unresolved) return p;
      const next: string[] = [];
      for (const a of acc) for (const b of p) next.push(a + b);
      acc = [...new Set(next)];
      if (acc.length > MAX_VARIANTS) return new Unresolved(`more than ${MAX_VARIANTS} variants`);
    }
    return acc;
  };

  const resolveSymbolValue = (sym: ts.Symbol | undefined, at: ts.Node, seen: Set<ts.Node>): Resolved => {
    if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
    const decl = sym?.valueDeclaration ?? sym?.declarations?.[0];
    if (!decl) return new Unresolved(`cannot find the declaration of \`${at.getText()}\``);
    if (seen.has(decl)) return new Unresolved(`\`${at.getText()}\` refers to itself`);
    const inner = new Set(seen).add(decl);
    if (ts.isVariableDeclaration(decl)) {
      const isConst = (ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) !== 0;
      if (!isConst || !decl.initializer) return new Unresolved(`\`${at.getText()}\` is not a constant`);
      return resolve(decl.initializer, inner);
    }
    if (ts.isPropertyDeclaration(decl)) {
      const readonly = ts.getCombinedModifierFlags(decl) & ts.ModifierFlags.Readonly;
      if (!readonly || !decl.initializer) return new Unresolved(`\`${at.getText()}\` is not a readonly property with a value`);
      return resolve(decl.initializer, inner);
    }
    if (ts.isPropertyAssignment(decl)) return resolve(decl.initializer, inner);
    if (ts.isEnumMember(decl)) {
      const v = checker.getConstantValue(decl);
      return v === undefined ? new Unresolved(`enum member without a constant value`) : [String(v)];
    }
    if (ts.isParameter(decl)) return resolveParameter(decl, at, inner);
    return new Unresolved(`\`${at.getText()}\` is a ${ts.SyntaxKind[decl.kind]}`);
  };

  /** A parameter: its value at every call site (and its default). */
  const resolveParameter = (param: ts.ParameterDeclaration, at: ts.Node, seen: Set<ts.Node>): Resolved => {
    const fn = param.parent;
    const index = fn.parameters.indexOf(param);
    const calls = callsOf(fn);
    const parts: string[] = [];
    if (param.initializer) {
      const d = resolve(param.initializer, seen);
      if (d instanceof Unresolved) return d;
      parts.push(...d);
    }
    for (const call of calls) {
      const arg = call.arguments?.[index];
      if (!arg) continue;
      const r = resolve(arg, seen);
      if (r instanceof Unresolved) return r;
      parts.push(...r);
    }
    if (!parts.length) return new Unresolved(`parameter \`${at.getText()}\` has no call site with a value`);
    return [...new Set(parts)];
  };

  const resolve = (node: ts.Expression, seen: Set<ts.Node> = new Set()): Resolved => {
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node)) {
      return resolve(node.expression, seen);
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
    if (ts.isNumericLiteral(node)) return [String(Number(node.text))];
    if (ts.isTemplateExpression(node)) {
      const parts: Resolved[] = [[node.head.text]];
      for (const span of node.templateSpans) {
        parts.push(resolve(span.expression, seen));
        parts.push([span.literal.text]);
      }
      return combine(parts);
    }
    if (ts.isConditionalExpression(node)) {
      const a = resolve(node.whenTrue, seen);
      if (a instanceof Unresolved) return a;
      const b = resolve(node.whenFalse, seen);
      if (b instanceof Unresolved) return b;
      return [...new Set([...a, ...b])];
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      return combine([resolve(node.left, seen), resolve(node.right, seen)]);
    }
    if (ts.isIdentifier(node)) {
      return resolveSymbolValue(checker.getSymbolAtLocation(node), node, seen);
    }
    if (ts.isPropertyAccessExpression(node)) {
      let sym = checker.getSymbolAtLocation(node.name);
      if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
      const decl = sym?.valueDeclaration;
      // `this.table` declared as a constructor parameter property: its default and every `new`.
      if (decl && ts.isParameter(decl) && ts.isConstructorDeclaration(decl.parent)) return resolveParameter(decl, node, seen);
      return resolveSymbolValue(sym, node, seen);
    }
    if (ts.isElementAccessExpression(node) && ts.isStringLiteral(node.argumentExpression)) {
      const type = checker.getTypeAtLocation(node.expression);
      const prop = type.getProperty(node.argumentExpression.text);
      return resolveSymbolValue(prop, node, seen);
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'join') {
      let target: ts.Expression = node.expression.expression;
      if (ts.isIdentifier(target)) {
        const sym = checker.getSymbolAtLocation(target);
        const decl = sym?.valueDeclaration;
        if (decl && ts.isVariableDeclaration(decl) && decl.initializer && ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) target = decl.initializer;
      }
      while (ts.isAsExpression(target) || ts.isParenthesizedExpression(target)) target = target.expression;
      if (ts.isArrayLiteralExpression(target)) {
        const sep = node.arguments[0] ? resolve(node.arguments[0], seen) : [','];
        if (sep instanceof Unresolved) return sep;
        if (sep.length !== 1) return new Unresolved('a separator with several values');
        const items: string[] = [];
        for (const el of target.elements) {
          const r = resolve(el as ts.Expression, seen);
          if (r instanceof Unresolved) return r;
          if (r.length !== 1) return new Unresolved('an array element with several values');
          items.push(r[0]);
        }
        return [items.join(sep[0])];
      }
    }
    const text = node.getText();
    return new Unresolved(`\`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\` is computed at run time`);
  };

  const within = (node: ts.Node): string => {
    const names: string[] = [];
    for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
      if ((ts.isMethodDeclaration(n) || ts.isFunctionDeclaration(n) || ts.isPropertyDeclaration(n) || ts.isGetAccessor(n)) && n.name) names.unshift(n.name.getText());
      else if (ts.isConstructorDeclaration(n)) names.unshift('constructor');
      else if (ts.isClassDeclaration(n) && n.name) names.unshift(n.name.text);
      else if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer))) {
        names.unshift(n.name.text);
      }
    }
    return names.join('.') || '(module)';
  };

  /** The statement argument of a call, if the call sends SQL. */
  const statementOf = (call: ts.CallExpression): ts.Expression | undefined => {
    const callee = call.expression;
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'query') {
      const arg = call.arguments[0];
      if (arg && ts.isObjectLiteralExpression(arg)) {
        const text = arg.properties.find((p) => p.name?.getText() === 'text');
        if (text && ts.isPropertyAssignment(text)) return text.initializer;
        if (text && ts.isShorthandPropertyAssignment(text)) return text.name;
      }
      return arg;
    }
    if (ts.isIdentifier(callee) && callee.text in PLATFORM_HELPERS) {
      let sym = checker.getSymbolAtLocation(callee);
      if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
      const file = sym?.declarations?.[0]?.getSourceFile().fileName ?? '';
      if (/libs\/platform\/src\/database\//.test(file.split(path.sep).join('/'))) return call.arguments[PLATFORM_HELPERS[callee.text]];
    }
    return undefined;
  };

  for (const sf of sources) {
    if (PASS_THROUGH.test(rel(sf.fileName))) continue;
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n)) {
        const arg = statementOf(n);
        if (arg) {
          const r = resolve(arg);
          const { line } = sf.getLineAndCharacterOfPosition(arg.getStart(sf));
          sites.push({
            file: rel(sf.fileName),
            line: line + 1,
            within: within(n),
            texts: r instanceof Unresolved ? null : r,
            ...(r instanceof Unresolved ? { reason: r.reason } : {}),
          });
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return sites.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
