import { loadDemoDataOnce } from '../../src/demo/index.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { appOn, type TestApp } from './app.js';
import { createTestDatabase, type Backend } from './databases.js';

/**
 * The real application with the demo register instead of the test world: for the tests of the
 * demo itself (src/demo), and for the test files not yet moved to the test world (their list is
 * in test/architecture/demo-independence.test.ts and only shrinks).
 */
export async function createDemoTestApp(backend: Backend, env: Record<string, string> = {}): Promise<TestApp> {
  const testDb = await createTestDatabase(backend);
  await loadDemoDataOnce(testDb.database.db);
  return appOn(testDb, env, DEMO_PASSWORD);
}
