// The emulator's view of a burst of listings: what it received, what it throttled, how fast.
import type { RecordedRequest } from '../../../tools/emulator';

export interface ListingFigures {
	requests: number;
	accepted: number;
	throttled: number;
	/** Other answers (errors that are not throttling). */
	other: number;
	throttledShare: number;
	/** First to last request received, in seconds. */
	busySeconds: number;
	/** Most requests received, and most accepted, in any sliding second. */
	peakReceivedPerSecond: number;
	peakAcceptedPerSecond: number;
}

export function listingFigures(requests: readonly RecordedRequest[]): ListingFigures {
	const accepted = requests.filter((request) => request.httpStatus === 200 && request.code === undefined);
	const throttled = requests.filter((request) => request.code?.startsWith('Throttling') ?? false);
	const times = requests.map((request) => request.at);
	return {
		requests: requests.length,
		accepted: accepted.length,
		throttled: throttled.length,
		other: requests.length - accepted.length - throttled.length,
		throttledShare: requests.length === 0 ? 0 : throttled.length / requests.length,
		busySeconds: times.length === 0 ? 0 : (Math.max(...times) - Math.min(...times)) / 1000,
		peakReceivedPerSecond: peakPerSecond(times),
		peakAcceptedPerSecond: peakPerSecond(accepted.map((request) => request.at)),
	};
}

/** The most timestamps (ms) within any 1000 ms window. */
function peakPerSecond(times: number[]): number {
	const sorted = [...times].sort((a, b) => a - b);
	let peak = 0;
	let start = 0;
	for (let end = 0; end < sorted.length; end++) {
		while (sorted[end] - sorted[start] >= 1000) start++;
		peak = Math.max(peak, end - start + 1);
	}
	return peak;
}

export function describeFigures(figures: ListingFigures, quota: number): string[] {
	const ideal = figures.accepted / quota;
	const share = `${(figures.throttledShare * 100).toFixed(1)}%`;
	const ratio = `${(figures.busySeconds / Math.max(ideal, 0.001)).toFixed(2)}x`;
	return [
		`requests ${figures.requests}: ${figures.accepted} accepted, ${figures.throttled} throttled (${share}), ${figures.other} other`,
		`busy ${figures.busySeconds.toFixed(1)} s for an ideal ${ideal.toFixed(1)} s at ${quota}/s (${ratio})`,
		`peak per second: ${figures.peakReceivedPerSecond} received, ${figures.peakAcceptedPerSecond} accepted (quota ${quota})`,
	];
}
