import type { RouteValidationFunction } from '@kbn/core/server';
import type { z } from 'zod';

/**
 * A Kibana route validation function from a zod schema (`@kbn/config-schema` is not on npm):
 * valid input becomes the parsed value, invalid input a 400 whose message names each bad field.
 */
export function fromZod<Schema extends z.ZodType>(
  schema: Schema,
): RouteValidationFunction<z.output<Schema>> {
  return (data, { ok, badRequest }) => {
    const parsed = schema.safeParse(data ?? {});
    if (parsed.success) return ok(parsed.data);
    return badRequest(describeIssues(parsed.error.issues));
  };
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `[${path}]: ${issue.message}` : issue.message;
    })
    .join('; ');
}
