/**
 * Every error leaves the API as RFC 9457 application/problem+json, naming the fields at fault.
 * Bad input is always a 4xx; only our own faults are 500s.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, type FieldError } from '../services/errors.js';

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
}).meta({ id: 'Problem' });

export function sendProblem(reply: FastifyReply, status: number, title: string, detail: string, errors?: FieldError[]) {
  return reply.status(status).type('application/problem+json').send({
    type: `https://portolan.dev/problems/${title.toLowerCase().replace(/[^a-z]+/g, '-')}`,
    title, status, detail, ...(errors && errors.length ? { errors } : {}),
  });
}

function fieldOf(instancePath: string, context: string): string {
  const path = instancePath.replace(/^\//, '').replace(/\//g, '.');
  return path || (context === 'body' ? '(body)' : context);
}

/** A zod issue as it reaches the handler: code, message, and the extras of some codes. */
interface Issue {
  code: string;
  message?: string;
  path?: PropertyKey[];
  keys?: string[];
  errors?: Issue[][];
}

const child = (base: string, key: PropertyKey) => (base === '(body)' ? String(key) : `${base}.${String(key)}`);

/**
 * The fields an issue names. A union (e.g. `vehicles`: a number or a list) that fails reports one
 * issue per alternative; the alternative whose type the input has is the one the user meant, so
 * its issues are named instead of "invalid input" on the whole union.
 */
function issueFields(field: string, issue: Issue): FieldError[] {
  if (issue.code === 'invalid_union' && issue.errors?.length) {
    const meant = issue.errors.filter((alt) => !alt.some((i) => (i.path?.length ?? 0) === 0 && i.code === 'invalid_type'));
    if (meant.length === 1) return meant[0].flatMap((i) => issueFields((i.path ?? []).reduce<string>(child, field), i));
  }
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) return issue.keys.map((k) => ({ field: child(field, k), message: 'is not a known field' }));
  return [{ field, message: issue.message ?? 'is invalid' }];
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = error.validationContext ?? 'body';
    const errors = error.validation.flatMap((v) => issueFields(fieldOf(v.instancePath, context), { ...(v.params as Omit<Issue, 'code'>), code: v.keyword, message: v.message }));
    return sendProblem(reply, 400, 'Bad Request', `invalid ${context}: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, errors);
  }
  if (error instanceof DomainError) return sendProblem(reply, error.status, error.title, error.message, error.errors);
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
    return sendProblem(reply, 400, 'Bad Request', `the body is not valid JSON: ${error.message}`, [{ field: '(body)', message: 'is not valid JSON' }]);
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return sendProblem(reply, error.statusCode, titleFor(error.statusCode), error.message);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, 500, 'Internal Server Error', 'something went wrong on our side; it has been logged');
}

function titleFor(status: number): string {
  return ({ 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content' } as Record<number, string>)[status] ?? 'Error';
}
