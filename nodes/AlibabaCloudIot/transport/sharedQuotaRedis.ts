/**
 * Redis I/O of the shared quota. Every trouble (no answer within ~200 ms, refused connection,
 * script error) answers "fallback": the caller goes on without a shared slot at once. The process
 * says so once in the log (no connection secrets) and tries Redis again RETRY_AFTER_MS later.
 */
import { createHash, randomUUID } from 'node:crypto';

import Redis, { Cluster, type RedisOptions } from 'ioredis';

import type { QuotaRedisConfig } from './quotaRedisConfig';
import { systemClock } from './clock';
import { QUOTA_WINDOW_MS } from './quotaWindow';
import { IDLE_EXPIRY_MS, SHARED_SPELL_MS, type Penalty } from './sharedQuotaState';
import { SHARED_QUOTA_LUA } from './sharedQuotaScript';

export const COMMAND_TIMEOUT_MS = 200;
export const RETRY_AFTER_MS = 1_000;
/** How long a connection may take in the background; requests do not wait for it beyond COMMAND_TIMEOUT_MS. */
const CONNECT_TIMEOUT_MS = 2_000;
/** The hash tag puts every key of this package in one cluster slot. */
const KEY_PREFIX = 'n8n-nodes-alibabacloud-iot:{quota}:';

type Client = Redis | Cluster;
/** Where the process says it went on its own (warn) and came back (info). */
export interface SharedQuotaLog {
	warn(line: string): void;
	info(line: string): void;
}

/** The quota group is hashed so the key never shows an AccessKey ID. */
export function sharedQuotaKey(group: string, action: string): string {
	const digest = createHash('sha256').update(group).digest('hex').slice(0, 24);
	return `${KEY_PREFIX}${digest}:${action}`;
}

/**
 * What went wrong, for the log: the error's class and code, and Redis's own reply (NOPERM, WRONGPASS,
 * a script error), which names commands and users but never a password. Connection errors' messages
 * name hosts, so only their code is kept.
 */
function troubleOf(error: unknown): string {
	if (!(error instanceof Error)) return 'error';
	const code = (error as { code?: unknown }).code;
	const reply = error.name === 'ReplyError' ? `: ${error.message.split('\n')[0].slice(0, 160)}` : '';
	return `${error.name}${typeof code === 'string' ? ` ${code}` : ''}${reply}`;
}

export class SharedQuotaRedis {
	private client: Client | undefined;
	private connecting: Promise<Client | undefined> | undefined;
	/** The script's last arguments: idle expiry, this process's name in the state, the shared spell. */
	private readonly tail = [String(IDLE_EXPIRY_MS), randomUUID(), String(SHARED_SPELL_MS)];
	/** Per key: how many processes shared it at the last answer, and until when this one had booked slots. */
	private readonly shares = new Map<string, { sharers: number; bookedUntil: number }>();
	/** Per key: when this process's next request on its own may leave. */
	private readonly soloNextAt = new Map<string, number>();
	/** When this process last sent a request of a key without a shared slot. */
	private readonly soloSentAt = new Map<string, number>();
	private downUntil = 0;
	private saidDown = false;

	constructor(
		private readonly config: QuotaRedisConfig,
		private readonly log: SharedQuotaLog,
		private readonly now: () => number = Date.now,
	) {}

	/** Ms to wait for this request's shared slot (at most `limit` per window), or 'fallback' when Redis cannot tell. */
	async reserve(group: string, action: string, limit: number): Promise<number | 'fallback'> {
		const key = sharedQuotaKey(group, action);
		const answer = await this.run(key, ['reserve', String(limit), String(QUOTA_WINDOW_MS), '1', '0', '0']);
		if (answer === 'fallback') return answer;
		const [waitMs, sharers] = [Math.max(0, answer[0]), Math.max(1, answer[1])];
		const bookedUntil = Math.max(this.shares.get(key)?.bookedUntil ?? 0, this.now() + waitMs);
		this.shares.set(key, { sharers, bookedUntil });
		return waitMs;
	}

	/** A request of this quota leaves now without a shared slot: see holdAfterSolo. */
	sentAlone(group: string, action: string): void {
		this.soloSentAt.set(sharedQuotaKey(group, action), this.now());
	}

	/** What this process last knew of a quota's sharing: how many processes shared it, and until when its own slots were booked. */
	lastShare(group: string, action: string): { sharers: number; bookedUntil: number } {
		return this.shares.get(sharedQuotaKey(group, action)) ?? { sharers: 1, bookedUntil: 0 };
	}

	/**
	 * Without Redis, a process that last shared the quota with others keeps to its share of it (the
	 * quota / the processes sharing it, one request every `QUOTA_WINDOW_MS * sharers / limit`), from
	 * when the slots it booked before Redis went away have passed (those still leave, at the full
	 * quota, and the others' run about as far ahead), rather than each running into the others at
	 * the full quota. One that had the quota to itself waits for nothing here, as without Redis.
	 */
	soloShareWaitMs(group: string, action: string, limit: number): number {
		const key = sharedQuotaKey(group, action);
		const share = this.shares.get(key);
		if (!share || share.sharers <= 1) return 0;
		const now = this.now();
		const at = Math.max(now, share.bookedUntil, this.soloNextAt.get(key) ?? 0);
		this.soloNextAt.set(key, at + (QUOTA_WINDOW_MS * share.sharers) / limit);
		return at - now;
	}

	/** A throttle seen here slows every worker on this group + action. */
	async penalise(group: string, action: string, penalty: Penalty): Promise<void> {
		await this.run(sharedQuotaKey(group, action), [
			'penalise',
			'0',
			'0',
			String(penalty.factor),
			String(Math.round(penalty.durationMs)),
			String(Math.round(penalty.pauseMs ?? 0)),
		]);
	}

	async close(): Promise<void> {
		const client = this.client;
		this.client = undefined;
		client?.disconnect();
	}

	/** The script's answer: [ms to wait, processes sharing], or 'fallback'. */
	private async run(key: string, args: string[]): Promise<[number, number] | 'fallback'> {
		const client = this.now() < this.downUntil ? undefined : await this.clientWithin(COMMAND_TIMEOUT_MS);
		if (!client) return 'fallback';
		try {
			await this.holdAfterSolo(client, key);
			const answer = await client.eval(SHARED_QUOTA_LUA, 1, key, ...args, ...this.tail);
			if (this.saidDown) this.log.info('Shared quota limiter: Redis answers again, requests share one quota again');
			this.saidDown = false;
			const [waitMs, sharers] = answer as [unknown, unknown];
			return [Number(waitMs), Number(sharers)];
		} catch (error) {
			this.markDown(error);
			return 'fallback';
		}
	}

	/**
	 * Back from sending on its own: what this process sent in the last window still counts at
	 * Alibaba, while the shared state (a restarted Redis, an expired key) may know nothing of it.
	 * Every worker's next slot waits until that window has passed, rather than run into it.
	 */
	private async holdAfterSolo(client: Client, key: string): Promise<void> {
		const soloAt = this.soloSentAt.get(key);
		if (soloAt === undefined) return;
		this.soloSentAt.delete(key);
		const pauseMs = Math.round(soloAt + QUOTA_WINDOW_MS - this.now());
		if (pauseMs <= 0) return;
		await client.eval(SHARED_QUOTA_LUA, 1, key, 'penalise', '0', '0', '1', '0', String(pauseMs), ...this.tail);
	}

	/**
	 * The connected client, or undefined when it is not ready within `boundMs`. A slow connection
	 * goes on in the background for later requests; the requests meanwhile wait for it no longer
	 * than the bound either (a refused one fails at once).
	 */
	private async clientWithin(boundMs: number): Promise<Client | undefined> {
		if (this.client) return this.client;
		if (!this.connecting) {
			const connecting = this.open().then(
				(client) => (this.client = client),
				(error: unknown) => void this.markDown(error),
			);
			this.connecting = connecting;
			void connecting.finally(() => (this.connecting = undefined));
		}
		const bound = systemClock.sleep(boundMs).then(() => undefined);
		return await Promise.race([this.connecting, bound]);
	}

	private markDown(error: unknown): void {
		this.downUntil = this.now() + RETRY_AFTER_MS;
		if (this.saidDown) return;
		this.saidDown = true;
		this.log.warn(
			`Shared quota limiter: Redis did not answer (${troubleOf(error)}); ` +
				`this process limits requests on its own and tries Redis again in ${RETRY_AFTER_MS / 1000} s`,
		);
		void this.close();
	}

	/** A new connection, ready; one that is not ready within CONNECT_TIMEOUT_MS counts as Redis trouble. */
	private async open(): Promise<Client> {
		const { config } = this;
		const options: RedisOptions = {
			username: config.username,
			password: config.password,
			db: config.db,
			tls: config.tls ? {} : undefined,
			commandTimeout: COMMAND_TIMEOUT_MS,
			connectTimeout: CONNECT_TIMEOUT_MS,
			enableOfflineQueue: false,
			maxRetriesPerRequest: 0,
			// We reconnect ourselves after RETRY_AFTER_MS; ioredis must not keep commands waiting.
			retryStrategy: () => null,
			lazyConnect: false,
		};
		const client: Client = config.clusterNodes
			? new Cluster(config.clusterNodes, { redisOptions: options, enableOfflineQueue: false, clusterRetryStrategy: () => null })
			: new Redis({ ...options, host: config.host, port: config.port });
		client.on('error', () => undefined); // reported once through markDown
		try {
			const ready = new Promise<void>((resolve, reject) => {
				client.once('ready', () => resolve());
				client.once('end', () => reject(new Error('Redis connection closed')));
			});
			// ioredis gives up after connectTimeout and ends the client; this is only a backstop.
			const late = systemClock.sleep(CONNECT_TIMEOUT_MS + 500).then(() => Promise.reject(new Error('Redis connection not ready in time')));
			await Promise.race([ready, late]);
		} catch (error) {
			client.disconnect();
			throw error;
		}
		// The connection must not keep a process alive that has nothing else to do (`n8n execute`, a bench child).
		const connections = client instanceof Cluster ? client.nodes() : [client];
		for (const connection of connections) connection.stream?.unref();
		return client;
	}
}
