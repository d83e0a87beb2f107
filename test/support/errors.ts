import { expect } from 'vitest';
import { AppError } from '../../src/platform/http/errors.js';

/** The AppError a promise rejects with (fails the test if it resolves or throws something else). */
export async function problemOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
