// Jest applies moduleNameMapper to test files but not to globalSetup/globalTeardown, whose imports of our
// sources use the `.js` suffix that module: nodenext requires. Resolve such an import to its .ts source.
import Module from 'node:module';

type Resolve = (request: string, ...rest: unknown[]) => string;
const moduleWithResolve = Module as unknown as { _resolveFilename: Resolve };
const original = moduleWithResolve._resolveFilename;

moduleWithResolve._resolveFilename = function resolveTs(this: unknown, request: string, ...rest: unknown[]): string {
  try {
    return original.call(this, request, ...rest);
  } catch (error) {
    if (request.startsWith('.') && request.endsWith('.js')) return original.call(this, `${request.slice(0, -3)}.ts`, ...rest);
    throw error;
  }
};
