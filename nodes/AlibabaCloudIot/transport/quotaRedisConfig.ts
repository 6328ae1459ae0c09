/**
 * Reads ALIBABA_CLOUD_IOT_QUOTA_REDIS: where the shared quota limiter finds its Redis.
 * Pure: the environment and the file reader are passed in, so tests need no real process env.
 * Unset or empty means "off" (today's behaviour); an invalid value is also "off" plus one reason
 * for the log, which never carries a password.
 */
export interface RedisNode {
	host: string;
	port: number;
}

export interface QuotaRedisConfig {
	/** Where the settings came from, for a log line without secrets. */
	source: 'queue' | 'url';
	host: string;
	port: number;
	username?: string;
	password?: string;
	db: number;
	tls: boolean;
	/** Set when n8n's queue mode runs on a Redis cluster (QUEUE_BULL_REDIS_CLUSTER_NODES). */
	clusterNodes?: RedisNode[];
}

export type QuotaRedisSetting =
	| { kind: 'off' }
	| { kind: 'invalid'; reason: string }
	| { kind: 'on'; config: QuotaRedisConfig };

export const QUOTA_REDIS_VARIABLE = 'ALIBABA_CLOUD_IOT_QUOTA_REDIS';

type Env = Record<string, string | undefined>;
type ReadFile = (path: string) => string;

class SettingError extends Error {}

/** n8n's convention: VAR_FILE names a file holding the value (Docker secrets); the file wins when set. */
function envValue(env: Env, name: string, readFile: ReadFile): string | undefined {
	const file = env[`${name}_FILE`];
	if (file !== undefined && file.trim() !== '') {
		try {
			return readFile(file.trim()).trim();
		} catch {
			throw new SettingError(`${name}_FILE names a file that cannot be read`);
		}
	}
	const value = env[name];
	return value === undefined || value === '' ? undefined : value;
}

function parsePort(text: string, what: string): number {
	const port = Number(text);
	if (!/^\d+$/.test(text.trim()) || port < 1 || port > 65535) {
		throw new SettingError(`${what} must be a port number from 1 to 65535`);
	}
	return port;
}

function parseDb(text: string, what: string): number {
	if (!/^\d+$/.test(text.trim())) throw new SettingError(`${what} must be a whole number from 0`);
	return Number(text);
}

function parseClusterNodes(text: string): RedisNode[] {
	return text
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '')
		.map((entry) => {
			const colon = entry.lastIndexOf(':');
			if (colon <= 0) throw new SettingError('QUEUE_BULL_REDIS_CLUSTER_NODES must list host:port pairs separated by commas');
			return {
				host: entry.slice(0, colon),
				port: parsePort(entry.slice(colon + 1), 'each port in QUEUE_BULL_REDIS_CLUSTER_NODES'),
			};
		});
}

function fromQueueSettings(env: Env, readFile: ReadFile): QuotaRedisConfig {
	// Defaults are n8n's own for queue mode (localhost:6379, db 0, no TLS).
	const get = (suffix: string) => envValue(env, `QUEUE_BULL_REDIS_${suffix}`, readFile);
	const port = get('PORT');
	const db = get('DB');
	const cluster = get('CLUSTER_NODES');
	const clusterNodes = cluster === undefined ? undefined : parseClusterNodes(cluster);
	return {
		source: 'queue',
		host: get('HOST') ?? 'localhost',
		port: port === undefined ? 6379 : parsePort(port, 'QUEUE_BULL_REDIS_PORT'),
		username: get('USERNAME'),
		password: get('PASSWORD'),
		db: db === undefined ? 0 : parseDb(db, 'QUEUE_BULL_REDIS_DB'),
		tls: (get('TLS') ?? 'false').trim().toLowerCase() === 'true',
		clusterNodes: clusterNodes && clusterNodes.length > 0 ? clusterNodes : undefined,
	};
}

function fromUrl(text: string): QuotaRedisConfig {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new SettingError('is neither "queue" nor a redis:// or rediss:// URL');
	}
	if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
		throw new SettingError(`uses the scheme "${url.protocol.replace(':', '')}"; only redis:// and rediss:// work`);
	}
	if (url.hostname === '') throw new SettingError('is a Redis URL without a host');
	const path = url.pathname.replace(/^\//, '');
	return {
		source: 'url',
		host: url.hostname.replace(/^\[|\]$/g, ''),
		port: url.port === '' ? 6379 : parsePort(url.port, 'the port in the Redis URL'),
		username: url.username === '' ? undefined : decodeURIComponent(url.username),
		password: url.password === '' ? undefined : decodeURIComponent(url.password),
		db: path === '' ? 0 : parseDb(path, 'the database number in the Redis URL'),
		tls: url.protocol === 'rediss:',
	};
}

export function readQuotaRedisSetting(env: Env, readFile: ReadFile): QuotaRedisSetting {
	const raw = (env[QUOTA_REDIS_VARIABLE] ?? '').trim();
	if (raw === '') return { kind: 'off' };
	try {
		const config = raw.toLowerCase() === 'queue' ? fromQueueSettings(env, readFile) : fromUrl(raw);
		return { kind: 'on', config };
	} catch (error) {
		if (!(error instanceof SettingError)) throw error;
		return { kind: 'invalid', reason: `${QUOTA_REDIS_VARIABLE} ${error.message}` };
	}
}

/** One log line naming where the shared limiter connects; never the password or username. */
export function describeQuotaRedis(setting: QuotaRedisSetting): string {
	if (setting.kind === 'off') return `${QUOTA_REDIS_VARIABLE} is not set: each process limits requests on its own`;
	if (setting.kind === 'invalid') {
		return `${setting.reason}: the shared quota limiter stays off and each process limits requests on its own`;
	}
	const { config } = setting;
	const where = config.clusterNodes
		? `Redis cluster ${config.clusterNodes.map((node) => `${node.host}:${node.port}`).join(',')}`
		: `Redis ${config.host}:${config.port} db ${config.db}`;
	return `Shared quota limiter on: ${where}${config.tls ? ' (TLS)' : ''}, settings from ${config.source === 'queue' ? "n8n's queue mode" : 'the URL'}`;
}
