import { z } from "@hono/zod-openapi";

/**
 * Paging shared by every list: `offset` and `limit` query parameters, and the envelope that
 * answers with a page of items and how many match the filter in all.
 */

/** Where the page starts; bounded so a crafted offset cannot ask the database for absurd work. */
export const offsetParam = z.coerce.number().int().min(0).max(10_000_000).default(0);

/** How many items a page holds, up to `max`. */
export function limitParam(defaultSize: number, max = 500) {
	return z.coerce.number().int().min(1).max(max).default(defaultSize);
}

/**
 * A page of `item`, with the total under the filter, the page's own offset and limit, and what
 * the caller may do on the list.
 *
 * @example
 * export const riskListSchema = pagedListSchema(riskSchema).openapi("RiskList");
 */
export function pagedListSchema<T extends z.ZodType>(item: T) {
	return z.object({
		items: z.array(item),
		/** How many match the filter in all; `items` is the page from `offset`. */
		total: z.number().int(),
		offset: z.number().int(),
		limit: z.number().int(),
		allowedActions: z.array(z.string()),
	});
}
