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
			const outcome = task(inputs[index], index);
			// Registered before the await below, so it runs first and no other worker starts more.
			outcome.catch(() => (failed = true));
			results[index] = await outcome;
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, inputs.length) }, worker));
	return results;
}
