import type { ESLint } from 'eslint';

export function moduleOf(relativePath: string): string | null;
export function isModuleIndex(relativePath: string): boolean;
export function mayLookInside(relativePath: string): boolean;
declare const plugin: ESLint.Plugin;
export default plugin;
