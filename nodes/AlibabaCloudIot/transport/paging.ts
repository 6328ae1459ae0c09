/** Page arithmetic for CurrentPage/PageSize APIs, where a page's offset is (CurrentPage - 1) * PageSize. */
export interface PageRequest {
	currentPage: number;
	pageSize: number;
	/** Offset of the page's first element in the whole list. */
	offset: number;
}

/**
 * The pages that cover [fromOffset, toOffset) with the fewest requests and pages of at most
 * `maxPageSize`. A page must start at a multiple of its size, so a short last page takes the
 * smallest size that lines up: a limit of 250 costs pages of 200 and 50, not two of 200.
 */
export function planPages(fromOffset: number, toOffset: number, maxPageSize: number): PageRequest[] {
	const pages: PageRequest[] = [];
	for (let offset = fromOffset; offset < toOffset; ) {
		const size = alignedPageSize(offset, Math.min(toOffset - offset, maxPageSize), maxPageSize);
		pages.push({ currentPage: offset / size + 1, pageSize: size, offset });
		offset += size;
	}
	return pages;
}

/**
 * The smallest size from `wanted` up to `maxPageSize` that divides `offset`; failing that, the
 * largest below `wanted` that does (1 always does, so the listing always moves on).
 */
export function alignedPageSize(offset: number, wanted: number, maxPageSize: number): number {
	for (let size = wanted; size <= maxPageSize; size++) {
		if (offset % size === 0) return size;
	}
	for (let size = wanted - 1; size > 1; size--) {
		if (offset % size === 0) return size;
	}
	return 1;
}

/** Runs `task` over `inputs` with at most `concurrency` at once; results keep the input order. */
export async function mapConcurrent<T, R>(
	inputs: readonly T[],
	concurrency: number,
	task: (input: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(inputs.length);
	let next = 0;
	let failed = false;
	const worker = async () => {
		// After a failure, start nothing new: the caller is about to see the error anyway.
		while (next < inputs.length && !failed) {
			const index = next++;
			try {
				results[index] = await task(inputs[index], index);
			} catch (error) {
				failed = true;
				throw error;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, inputs.length) }, worker));
	return results;
}
