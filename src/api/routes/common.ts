import { z } from 'zod';
import { Problem } from '../problem.js';

export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(500).optional().meta({ description: 'page size, 1 to 500 (default 50)' }),
  cursor: z.string().optional().meta({ description: 'nextCursor from the previous page' }),
};

export const IdParams = z.object({ id: z.string() });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

export const errorResponses = {
  400: Problem, 401: Problem, 404: Problem, 409: Problem,
};

export const security = [{ bearerAuth: [] }];
