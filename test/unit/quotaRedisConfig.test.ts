import {
	describeQuotaRedis,
	readQuotaRedisSetting,
} from '../../nodes/AlibabaCloudIot/transport/quotaRedisConfig';

const noFiles = (path: string): string => {
	throw new Error(`no file ${path}`);
};

describe('ALIBABA_CLOUD_IOT_QUOTA_REDIS', () => {
	it('unset or empty keeps today\'s behaviour', () => {
		expect(readQuotaRedisSetting({}, noFiles)).toEqual({ kind: 'off' });
		expect(readQuotaRedisSetting({ ALIBABA_CLOUD_IOT_QUOTA_REDIS: '  ' }, noFiles)).toEqual({ kind: 'off' });
	});

	it('queue takes n8n\'s queue-mode settings, with n8n\'s defaults', () => {
		expect(readQuotaRedisSetting({ ALIBABA_CLOUD_IOT_QUOTA_REDIS: 'queue' }, noFiles)).toEqual({
			kind: 'on',
			config: { source: 'queue', host: 'localhost', port: 6379, username: undefined, password: undefined, db: 0, tls: false, clusterNodes: undefined },
		});
		const setting = readQuotaRedisSetting(
			{
				ALIBABA_CLOUD_IOT_QUOTA_REDIS: 'QUEUE',
				QUEUE_BULL_REDIS_HOST: 'redis.internal',
				QUEUE_BULL_REDIS_PORT: '6380',
				QUEUE_BULL_REDIS_USERNAME: 'n8n',
				QUEUE_BULL_REDIS_PASSWORD: 'ignored-because-file-wins',
				QUEUE_BULL_REDIS_PASSWORD_FILE: '/run/secrets/redis',
				QUEUE_BULL_REDIS_DB: '2',
				QUEUE_BULL_REDIS_TLS: 'true',
			},
			(path) => (path === '/run/secrets/redis' ? 's3cret\n' : noFiles(path)),
		);
		expect(setting).toEqual({
			kind: 'on',
			config: { source: 'queue', host: 'redis.internal', port: 6380, username: 'n8n', password: 's3cret', db: 2, tls: true, clusterNodes: undefined },
		});
	});

	it('queue with cluster nodes lists them', () => {
		const setting = readQuotaRedisSetting(
			{ ALIBABA_CLOUD_IOT_QUOTA_REDIS: 'queue', QUEUE_BULL_REDIS_CLUSTER_NODES: 'a:7000, b:7001' },
			noFiles,
		);
		expect(setting.kind === 'on' && setting.config.clusterNodes).toEqual([
			{ host: 'a', port: 7000 },
			{ host: 'b', port: 7001 },
		]);
	});

	it('reads redis:// and rediss:// URLs', () => {
		expect(readQuotaRedisSetting({ ALIBABA_CLOUD_IOT_QUOTA_REDIS: 'redis://127.0.0.1:6390/3' }, noFiles)).toEqual({
			kind: 'on',
			config: { source: 'url', host: '127.0.0.1', port: 6390, username: undefined, password: undefined, db: 3, tls: false },
		});
		expect(readQuotaRedisSetting({ ALIBABA_CLOUD_IOT_QUOTA_REDIS: 'rediss://quota:p%40ss@r.example' }, noFiles)).toEqual({
			kind: 'on',
			config: { source: 'url', host: 'r.example', port: 6379, username: 'quota', password: 'p@ss', db: 0, tls: true },
		});
	});

	it.each([
		['http://x:1', 'scheme "http"'],
		['localhost:6379', 'scheme "localhost"'],
		['not a url', 'neither "queue"'],
		['redis://h:0', 'port number from 1'],
		['redis://h/db', 'database number'],
	])('invalid %s: off, with a reason naming the variable', (value, words) => {
		const setting = readQuotaRedisSetting({ ALIBABA_CLOUD_IOT_QUOTA_REDIS: value }, noFiles);
		expect(setting.kind).toBe('invalid');
		expect(describeQuotaRedis(setting)).toContain('ALIBABA_CLOUD_IOT_QUOTA_REDIS');
		expect(describeQuotaRedis(setting)).toContain(words);
	});

	it('an unreadable _FILE is invalid, not a crash', () => {
		const setting = readQuotaRedisSetting(
			{ ALIBABA_CLOUD_IOT_QUOTA_REDIS: 'queue', QUEUE_BULL_REDIS_PASSWORD_FILE: '/nope' },
			noFiles,
		);
		expect(setting.kind).toBe('invalid');
		expect(describeQuotaRedis(setting)).toContain('QUEUE_BULL_REDIS_PASSWORD_FILE');
	});

	it('the log line never carries the password or username', () => {
		for (const value of ['redis://user:topsecret@h:1/0', 'redis://user:topsecret@h:0/0']) {
			const line = describeQuotaRedis(readQuotaRedisSetting({ ALIBABA_CLOUD_IOT_QUOTA_REDIS: value }, noFiles));
			expect(line).not.toContain('topsecret');
			expect(line).not.toContain('user');
		}
	});
});
