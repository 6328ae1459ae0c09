// CurrentPage/PageSize, as the IoT service checks them for every paged action.
import { businessError, missingParameter, type Outcome } from '../responses';

export interface Paging {
	currentPage: number;
	pageSize: number;
}

export type PagingResult = { ok: true; paging: Paging } | { ok: false; outcome: Outcome };

// Integer parameters are parsed like Java's Integer.parseInt: optional sign, digits, 32-bit range.
const INTEGER_PATTERN = /^[+-]?\d+$/;
const INT32_MAX = 2_147_483_647;

/** Absent parameters are the gateway's error (both are required); bad values are the service's. */
export function readPaging(params: Record<string, string>, maxPageSize: number): PagingResult {
	if (!params.CurrentPage) return { ok: false, outcome: missingParameter('CurrentPage') };
	if (!params.PageSize) return { ok: false, outcome: missingParameter('PageSize') };
	const currentPage = parseInteger(params.CurrentPage);
	const pageSize = parseInteger(params.PageSize);
	if (currentPage === undefined || currentPage < 1 || pageSize === undefined || pageSize < 1 || pageSize > maxPageSize) {
		return {
			ok: false,
			outcome: businessError(
				'iot.common.InvalidPageParams',
				`The paging parameters are invalid: CurrentPage starts at 1 and PageSize is from 1 to ${maxPageSize}.`,
			),
		};
	}
	return { ok: true, paging: { currentPage, pageSize } };
}

function parseInteger(text: string): number | undefined {
	if (!INTEGER_PATTERN.test(text)) return undefined;
	const value = Number(text);
	return Math.abs(value) <= INT32_MAX ? value : undefined;
}

export function pageCount(total: number, pageSize: number): number {
	return Math.ceil(total / pageSize);
}

/** The slice of an already-ordered list on one page; past the end it is empty. */
export function pageOf<T>(items: readonly T[], { currentPage, pageSize }: Paging): T[] {
	const start = (currentPage - 1) * pageSize;
	return items.slice(start, start + pageSize);
}
