/** Shared shapes for capabilities whose POST starts a job. */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Job } from '../../domain/resources.js';

/** 202 Accepted with the job, and where to follow it. */
export function sendAccepted(reply: FastifyReply, job: z.output<typeof Job>, resourcePath: string) {
  return reply.status(202).header('location', `${resourcePath}/${job.id}`).send(job);
}

/** A job whose result has a known shape, for the OpenAPI document. */
export function jobWithResult<T extends z.ZodType>(result: T, id: string) {
  return Job.extend({ result: result.nullable() }).meta({ id });
}
