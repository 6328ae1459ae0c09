// The shape of the emulator's figures (`statsSummary()`, `GET /__emulator/stats`).
import type { TrafficStats } from './trafficTally';

export interface StatsSummary {
	requestCount: number;
	peakRequestsPerSecond: number;
	peakRequestsPerSecondByAccessKeyId: Record<string, number>;
	/** Count per answer: the Code when there was one, else the HTTP status ('200', '502'; '0' for destroyed or hung). */
	outcomes: Record<string, number>;
	/** All API requests together. */
	overall: TrafficStats;
	/** Per Action, as the request named it. */
	byAction: Record<string, TrafficStats>;
}
