// Types of the node API for the web UI, taken from the generated openapi-types.ts (itself
// generated from docs/openapi.json), so a change of the API shows up here as a type error
// rather than as a surprise at run time.
import type { paths } from './openapi-types.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type SuccessOf<R> = R extends { 200: infer O } ? JsonOf<O> : R extends { 201: infer O } ? JsonOf<O> : never;

/** The JSON body of the success answer of `method path` (path as in the OpenAPI document). */
export type ApiResponse<P extends keyof paths, M extends Method> = paths[P][M] extends { responses: infer R }
  ? SuccessOf<R>
  : never;

/** The JSON request body of `method path`. */
export type ApiRequestBody<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
