/**
 * Margin over Alibaba's one-second window: requests granted exactly 1000 ms apart can arrive
 * closer than that when one of them waits longer for a socket. The local limiter grants at most
 * its maximum per this window; the shared quota spaces its slots `QUOTA_WINDOW_MS / quota` apart.
 */
export const QUOTA_WINDOW_MS = 1050;
