/**
 * Where a query lives (issue 14): SQL is written in repositories only, files named repository.ts
 * or *-repository.ts; use cases and read functions call them, routes call those. The database
 * platform (src/platform/db: connection, migrations, settings) is the repositories' own ground.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/platform/config/config.js';

const src = path.join(projectRoot, 'src');
const queryBuilders = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'replaceInto',
  'mergeInto',
  'selectNoFrom',
  'withRecursive',
]);
const sqlHelpers = new Set(['raw', 'ref', 'lit', 'join', 'id', 'table', 'val']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

const isRepository = (file: string) => /^(.+-)?repository\.ts$/.test(path.basename(file));
const relative = (file: string) => path.relative(src, file).split(path.sep).join('/');

/** Each place in a file that writes SQL: a Kysely query builder call or a `sql` template. */
function sqlIn(text: string, fileName = 'file.ts'): string[] {
  const source = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      if (queryBuilders.has(name)) found.push(`line ${at(node)}: .${name}(…)`);
      if (sqlHelpers.has(name) && ts.isIdentifier(node.expression.expression) && node.expression.expression.text === 'sql')
        found.push(`line ${at(node)}: sql.${name}(…)`);
    }
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'sql')
      found.push(`line ${at(node)}: sql\`…\``);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('where a query lives', () => {
  const files = sourceFiles(src).filter((file) => !isRepository(file) && !relative(file).startsWith('platform/db/'));

  it('finds SQL however it is written (the rule would pass vacuously otherwise)', () => {
    expect(sqlIn("db.selectFrom('plans').select('id')")).toHaveLength(1);
    expect(sqlIn('await sql<{ n: number }>`select 1`.execute(db)')).toHaveLength(1);
    expect(sqlIn("trx.deleteFrom('sessions'); eb.selectFrom('a'); sql.raw('x')")).toHaveLength(3);
    expect(sqlIn("const selectFrom = 'word'; list.join(', ')")).toEqual([]);
  });

  it('keeps SQL in repositories: no query builder call or sql template elsewhere', () => {
    const offenders = files
      .map((file) => ({ file: relative(file), places: sqlIn(readFileSync(file, 'utf8'), file) }))
      .filter((entry) => entry.places.length > 0);
    expect(
      offenders,
      'SQL lives in repositories only (files named repository.ts or *-repository.ts; src/platform/db is exempt). ' +
        'Move each query into a repository function, call it from a use case or read function (e.g. plans/read-plans.ts), and call that from the route.',
    ).toEqual([]);
  });
});

describe('thin routes', () => {
  const routeFiles = sourceFiles(src).filter((file) => /\bapp\.(get|post|put|patch|delete)\s*(<|\()/.test(readFileSync(file, 'utf8')));
  const names = (list: string) =>
    list.split(',').map((name) =>
      name
        .replace(/^\s*type\s+/, '')
        .split(/\s+as\s+/)[0]!
        .trim(),
    );
  /** The repositories a file imports, seeing through a module's index.ts (test/architecture/module-borders.test.ts) to each name's file. */
  const repositoryImports = (file: string) =>
    [...readFileSync(file, 'utf8').matchAll(/import (?:type )?\{([^}]*)\} from '([^']*)'/g)].flatMap(([, imported, from]) => {
      if (/repository\.js$/.test(from!)) return [from!];
      if (!/\/index\.js$/.test(from!)) return [];
      const index = path.resolve(path.dirname(file), from!).replace(/\.js$/, '.ts');
      const wanted = new Set(names(imported!));
      const sources = [...readFileSync(index, 'utf8').matchAll(/export (?:type )?\{([^}]*)\} from '([^']*repository\.js)'/g)]
        .filter(([, exported]) => names(exported!).some((name) => wanted.has(name)))
        .map(([, , source]) => path.join(path.dirname(from!), source!));
      return [...new Set(sources)];
    });

  it('finds the route files', () => {
    expect(routeFiles.map(relative)).toEqual(
      expect.arrayContaining([
        'modules/plans/public/routes.ts',
        'modules/plans/editor/work-routes.ts',
        'modules/districts/admin/officer-routes.ts',
      ]),
    );
  });

  it('keeps repositories out of route files: a route calls a read function or a use case', () => {
    const offenders = routeFiles
      .map((file) => ({ file: relative(file), imports: repositoryImports(file) }))
      .filter((entry) => entry.imports.length > 0);
    expect(
      offenders,
      'A route checks, calls one read function (e.g. plans/read-plans.ts) or use case, and presents; it does not import repositories.',
    ).toEqual([]);
  });
});
