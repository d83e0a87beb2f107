/**
 * Where a module's border is (issue 14): other modules import a module through its index.ts (the
 * ESLint rule eslint-rules/module-borders.js), platform imports no module, and no two modules need
 * each other, however far round: the module graph has no cycle.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import borders, { moduleOf } from '../../eslint-rules/module-borders.js';
import { projectRoot } from '../../src/platform/config/config.js';

const posix = (p: string) => p.split(path.sep).join('/');
const relative = (file: string) => posix(path.relative(projectRoot, file));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}
const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const productionFiles = sourceFiles(path.join(projectRoot, 'src')).filter((file) => !isTest(file));

/** The place a file belongs to in the module graph: a module, "platform", or "app" (src/app.ts, serve.ts, cli.ts, main.ts). */
function nodeOf(relativePath: string): string {
  return moduleOf(relativePath) ?? (relativePath.startsWith('src/platform/') ? 'platform' : 'app');
}

/** Every relative import, re-export and dynamic import of a file, type-only ones included. */
function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      found.push(node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteral(argument)) found.push(argument.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter((specifier) => specifier.startsWith('.'));
}

type Graph = Map<string, Map<string, string[]>>; // from → to → the imports that make the edge

function moduleGraph(files: string[]): Graph {
  const graph: Graph = new Map();
  for (const file of files) {
    const from = nodeOf(relative(file));
    for (const specifier of importsOf(file)) {
      const to = nodeOf(relative(path.resolve(path.dirname(file), specifier)));
      if (to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      graph.set(from, edges);
      edges.set(to, [...(edges.get(to) ?? []), `${relative(file)} → ${specifier}`]);
    }
  }
  return graph;
}

/** Each cycle of the graph once, as the path round it (Tarjan's strongly connected components, then a path in each). */
function cyclesOf(edges: Map<string, Iterable<string>>): string[][] {
  const next = (node: string) => [...(edges.get(node) ?? [])].sort();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const components: string[][] = [];
  const connect = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const to of next(node)) {
      if (!index.has(to)) {
        connect(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (stack.includes(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) connect(node);
  // Name each component by one way round it, from its first node back to it, inside the component.
  return components.map((component) => {
    const start = component[0]!;
    const inside = new Set(component);
    const seen = new Set<string>([start]);
    const paths: string[][] = [[start]];
    while (paths.length > 0) {
      const route = paths.shift()!;
      for (const to of next(route.at(-1)!).filter((n) => inside.has(n))) {
        if (to === start) return [...route, start];
        if (!seen.has(to)) {
          seen.add(to);
          paths.push([...route, to]);
        }
      }
    }
    return component;
  });
}

/**
 * Module edges that still close a cycle, each with what removes it; a listed edge that is gone
 * fails the test, so the list only shrinks.
 */
const pendingEdges: Record<string, string> = {};

describe('module borders', () => {
  const modules = readdirSync(path.join(projectRoot, 'src/modules'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `src/modules/${entry.name}`);

  it('gives every module an index.ts', () => {
    const missing = [...modules, 'src/demo'].filter((dir) => !existsSync(path.join(projectRoot, dir, 'index.ts')));
    expect(missing, 'Each module exposes what others may use through one index.ts.').toEqual([]);
  });

  const linter = new Linter({ configType: 'flat', cwd: projectRoot });
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts', '**/*.tsx'],
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      languageOptions: { parser: tseslint.parser },
      plugins: { local: borders },
      rules: { 'local/module-borders': 'error' },
    },
  ];
  const lint = (file: string, code: string) =>
    linter.verify(code, config, { filename: path.join(projectRoot, file) }).map((message) => message.message);

  it('fires on an import of another module’s file, and names the index to use instead', () => {
    expect(lint('src/modules/plans/read-plans.ts', "import { findDistrict } from '../districts/repository.js';")).toEqual([
      "'../districts/repository.js' reaches into module districts: import it from '../districts/index.js' (add the name to that index.ts if it is missing).",
    ]);
    expect(lint('src/modules/plans/editor/routes.ts', "export { unitUrl } from '../../units/urls.js';")).toHaveLength(1);
    expect(lint('src/modules/reports/x.ts', "const m = await import('../units/model.js');\nexport { m };")).toHaveLength(1);
    expect(lint('src/app.ts', "import { registerUnitRoutes } from './modules/units/routes.js';")).toHaveLength(1);
    expect(lint('src/demo/demo-data.ts', "import { insertUnit } from '../modules/units/repository.js';")).toHaveLength(1);
    expect(lint('src/modules/units/x.ts', "import { loadDemoDataOnce } from '../../demo/demo-data.js';")).toHaveLength(1);
  });

  it('lets a module use its own files, other modules’ index.ts and platform', () => {
    expect(lint('src/modules/plans/read-plans.ts', "import { findDistrict } from '../districts/index.js';")).toEqual([]);
    expect(lint('src/modules/plans/editor/routes.ts', "import { planErrors } from '../messages.js';")).toEqual([]);
    expect(lint('src/modules/plans/rules.ts', "import { addDays } from '../../platform/i18n/calendar.js';")).toEqual([]);
    expect(lint('src/app.ts', "import { registerUnitRoutes } from './modules/units/index.js';")).toEqual([]);
  });

  it('keeps platform below the modules: not even an index', () => {
    expect(lint('src/platform/http/server.ts', "import { findUnit } from '../../modules/units/index.js';")).toEqual([
      "'../../modules/units/index.js': platform must not import module units; modules build on platform, not the other way round.",
    ]);
  });

  it('lets tests and benchmarks look inside a module', () => {
    expect(lint('test/support/factories.ts', "import { insertUnit } from '../../src/modules/units/repository.js';")).toEqual([]);
    expect(lint('src/modules/plans/plans.api.test.ts', "import { findDistrict } from '../districts/repository.js';")).toEqual([]);
    expect(lint('bench/plans.ts', "import { insertVersion } from '../src/modules/plans/repository.js';")).toEqual([]);
  });
});

describe('no cycles between modules', () => {
  const graph = moduleGraph(productionFiles);
  const edgeName = (from: string, to: string) => `${from} → ${to}`;

  it('finds a cycle when there is one, however far round (the test would pass vacuously otherwise)', () => {
    const edges = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e2']],
      ['e2', ['e']],
    ]);
    expect(cyclesOf(edges)).toEqual([
      ['a', 'b', 'c', 'a'],
      ['e', 'e2', 'e'],
    ]);
    expect(cyclesOf(new Map([['a', ['b']]]))).toEqual([]);
  });

  it('builds the graph from the imports (modules, platform and the app)', () => {
    expect(graph.get('plans')?.has('districts')).toBe(true);
    expect(graph.get('app')?.has('plans')).toBe(true);
  });

  it('keeps platform free of modules', () => {
    const platformImports = [...(graph.get('platform') ?? new Map<string, string[]>())].flatMap(([, why]) => why);
    expect(platformImports, 'Platform is below every module; move the piece into platform or pass it in.').toEqual([]);
  });

  it('has no cycle between modules', () => {
    const edges = new Map(
      [...graph].map(([from, targets]) => [from, [...targets.keys()].filter((to) => !(edgeName(from, to) in pendingEdges))]),
    );
    const named = cyclesOf(edges).map((cycle) =>
      cycle
        .slice(1)
        .map((to, i) => `${edgeName(cycle[i]!, to)} (${graph.get(cycle[i]!)!.get(to)!.join('; ')})`)
        .join(', '),
    );
    expect(
      named,
      'Modules that need each other: move the piece where it belongs (often platform or access), or pass it in from src/app.ts.',
    ).toEqual([]);
  });

  it('lists only edges that still exist among the pending ones', () => {
    const gone = Object.keys(pendingEdges).filter((edge) => {
      const [from, to] = edge.split(' → ');
      return !graph.get(from!)?.has(to!);
    });
    expect(gone, 'These edges are gone: take them off pendingEdges.').toEqual([]);
  });
});
