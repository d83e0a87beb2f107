import path from 'node:path';
import ts from 'typescript';

/** One column as src/platform/db/schema.ts declares it for Kysely. */
export interface DeclaredColumn {
  /** True or false when the selected type says whether null comes back; null when it is `unknown`/`any`. */
  nullable: boolean | null;
}

export type DeclaredTables = Map<string, Map<string, DeclaredColumn>>;

/**
 * Reads the tables and columns that `DatabaseSchema` declares, with the TypeScript checker (the
 * types vanish at run time, so a test that compares them with the migrated database has to ask
 * the compiler). A column's nullability is that of its selected type: `T | null`, or the first
 * argument of `ColumnType`/`Generated`/`JSONColumnType` (Kysely keeps it as `__select__`).
 */
export function declaredTables(schemaFile: string): DeclaredTables {
  const program = ts.createProgram([schemaFile], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(path.resolve(schemaFile));
  if (!source) throw new Error(`${schemaFile} is not in the program`);
  const root = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'DatabaseSchema',
  );
  if (!root) throw new Error(`${schemaFile} declares no DatabaseSchema`);
  const tables: DeclaredTables = new Map();
  for (const table of checker.getTypeAtLocation(root).getProperties()) {
    const columns = new Map<string, DeclaredColumn>();
    for (const column of checker.getTypeOfSymbol(table).getProperties()) {
      columns.set(column.name, { nullable: nullability(checker, checker.getTypeOfSymbol(column)) });
    }
    tables.set(table.name, columns);
  }
  return tables;
}

function nullability(checker: ts.TypeChecker, type: ts.Type): boolean | null {
  const select = type.getProperty('__select__');
  const selected = select ? checker.getTypeOfSymbol(select) : type;
  if (selected.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) return null;
  const parts = selected.isUnion() ? selected.types : [selected];
  return parts.some((part) => (part.flags & ts.TypeFlags.Null) !== 0);
}
