// Module borders (issue 14): a module's files are its own; other modules, src/app.ts, src/serve.ts and
// src/cli.ts import it through its index.ts. Platform (src/platform) is below every module and imports none.
// Tests (*.test.ts anywhere, test/, bench/) may look inside a module: they check its parts.
// Path arithmetic only, no type information, so the rule costs nothing next to the typed ones.
import path from 'node:path';

const posix = (p) => p.split(path.sep).join('/');

/** The module a project-relative path belongs to ('units', 'plans', 'demo', …), or null for platform and the rest. */
export function moduleOf(relativePath) {
  const match = /^src\/modules\/([^/]+)\//.exec(relativePath);
  if (match) return match[1];
  return relativePath.startsWith('src/demo/') ? 'demo' : null;
}

/** Is the path (".js" or ".ts") a module's index, the one door into it? */
export function isModuleIndex(relativePath) {
  return /^src\/(modules\/[^/]+|demo)\/index\.(js|ts)$/.test(relativePath);
}

/** Tests and benchmarks check a module's parts, so they may import them. */
export function mayLookInside(relativePath) {
  return /\.test\.tsx?$/.test(relativePath) || /^(test|bench)\//.test(relativePath);
}

/** @type {import('eslint').Rule.RuleModule} */
const moduleBorders = {
  meta: {
    type: 'problem',
    docs: { description: 'Import another module through its index.ts, never its files; platform imports no module' },
    schema: [],
    messages: {
      border: "'{{source}}' reaches into module {{module}}: import it from '{{index}}' (add the name to that index.ts if it is missing).",
      platform: "'{{source}}': platform must not import module {{module}}; modules build on platform, not the other way round.",
    },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const home = posix(path.relative(root, file));
    if (mayLookInside(home)) return {};
    const homeModule = moduleOf(home);
    const inPlatform = home.startsWith('src/platform/');
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const resolved = path.resolve(path.dirname(file), source);
      const target = posix(path.relative(root, resolved));
      const module = moduleOf(target);
      if (module === null || module === homeModule) return;
      if (inPlatform) {
        context.report({ node, messageId: 'platform', data: { source, module } });
        return;
      }
      if (isModuleIndex(target)) return;
      const indexDir = module === 'demo' ? path.join(root, 'src/demo') : path.join(root, 'src/modules', module);
      let index = posix(path.relative(path.dirname(file), path.join(indexDir, 'index.js')));
      if (!index.startsWith('.')) index = `./${index}`;
      context.report({ node, messageId: 'border', data: { source, module, index } });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { 'module-borders': moduleBorders } };
