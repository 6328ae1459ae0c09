// The findings of n8n's package scanner this package ships with on purpose, each with its reason
// (the same reasons are in docs/releasing.md, "n8n's package scanner"). Anything else fails the scan.

export interface Finding {
	/** Path inside the unpacked package, with forward slashes, e.g. `dist/nodes/.../clock.js`. */
	file: string;
	rule: string;
	message: string;
}

interface Exception {
	file: string;
	rule: string;
	/** A finding matches when its message contains this. */
	messageContains: string;
	reason: string;
}

const TRANSPORT = 'dist/nodes/AlibabaCloudIot/transport';

export const DELIBERATE_FINDINGS: readonly Exception[] = [
	{
		file: 'package.json',
		rule: '@n8n/community-nodes/no-runtime-dependencies',
		messageContains: '"dependencies"',
		reason: "@alicloud/pop-core is Alibaba's official POP signer, the user's choice; it makes this a self-hosted-only package",
	},
	{
		file: `${TRANSPORT}/popRequest.js`,
		rule: '@n8n/community-nodes/no-restricted-imports',
		messageContains: "'@alicloud/pop-core'",
		reason: 'the one place the runtime dependency is loaded: every request is signed and sent by pop-core',
	},
	{
		file: `${TRANSPORT}/answerCapture.js`,
		rule: '@n8n/community-nodes/no-restricted-imports',
		messageContains: "'node:http'",
		reason:
			"pop-core hides a non-JSON answer (a proxy's or WAF's page) behind a bare SyntaxError; a keep-alive http.Agent like pop-core's own keeps its status and first 4 KB so the error can say what came back",
	},
	{
		file: `${TRANSPORT}/answerCapture.js`,
		rule: '@n8n/community-nodes/no-restricted-imports',
		messageContains: "'node:https'",
		reason: 'the same agent for https:// endpoints (every real Alibaba Cloud endpoint)',
	},
	{
		file: `${TRANSPORT}/ossPostObject.js`,
		rule: '@n8n/community-nodes/no-restricted-imports',
		messageContains: "'node:http'",
		reason:
			"Firmware Upload streams a package of up to 1,000 MB to OSS as a multipart form and hashes it on the way, with a Content-Length known beforehand; n8n's request helpers give no such streamed form to a node, so the request is made with Node's own http (the emulator's and a private endpoint's http://)",
	},
	{
		file: `${TRANSPORT}/ossPostObject.js`,
		rule: '@n8n/community-nodes/no-restricted-imports',
		messageContains: "'node:https'",
		reason: "the same for https:// (Alibaba's OSS upload host)",
	},
	{
		file: `${TRANSPORT}/sharedQuota.js`,
		rule: '@n8n/community-nodes/no-restricted-globals',
		messageContains: "'process'",
		reason:
			'the opt-in shared quota limiter is switched on by the person running n8n, on every process: ALIBABA_CLOUD_IOT_QUOTA_REDIS and, for `queue`, the QUEUE_BULL_REDIS_* settings n8n itself reads; n8n gives a node no other view of the process settings',
	},
	{
		file: `${TRANSPORT}/sharedQuota.js`,
		rule: '@n8n/community-nodes/no-restricted-imports',
		messageContains: "'node:fs'",
		reason: "the _FILE forms of those settings (QUEUE_BULL_REDIS_PASSWORD_FILE, Docker secrets), n8n's own convention: only the file a setting names is read",
	},
	{
		file: `${TRANSPORT}/sharedQuotaRedis.js`,
		rule: '@n8n/community-nodes/no-restricted-imports',
		messageContains: "'ioredis'",
		reason: "the second runtime dependency, the Redis client n8n's queue mode uses, loaded only when the shared quota limiter is on",
	},
];

/** The findings no exception covers, and the exceptions nothing matched (stale: remove them). */
export function classify(findings: Finding[]): { unexpected: Finding[]; unused: Exception[] } {
	const matches = (finding: Finding, exception: Exception) =>
		finding.file === exception.file && finding.rule === exception.rule && finding.message.includes(exception.messageContains);
	return {
		unexpected: findings.filter((finding) => !DELIBERATE_FINDINGS.some((exception) => matches(finding, exception))),
		unused: DELIBERATE_FINDINGS.filter((exception) => !findings.some((finding) => matches(finding, exception))),
	};
}

/**
 * The findings in the scanner's report (ESLint's "stylish" format, which is all analyzePackage
 * returns): a line naming the file, then one indented line per finding ending in the rule name.
 */
export function parseStylish(report: string, packageDir: string): Finding[] {
	const root = packageDir.replace(/\\/g, '/').replace(/\/$/, '') + '/';
	const findings: Finding[] = [];
	let file: string | undefined;
	for (const line of report.replace(/\u001b\[[0-9;]*m/g, '').split('\n')) {
		const entry = /^\s+\d+:\d+\s+(?:error|warning)\s+(.*?)\s{2,}(\S+)\s*$/.exec(line);
		if (entry && file !== undefined) findings.push({ file, message: entry[1], rule: entry[2] });
		else if (line.startsWith('/') || /^[A-Za-z]:[\\/]/.test(line)) {
			const path = line.trim().replace(/\\/g, '/');
			file = path.startsWith(root) ? path.slice(root.length) : path;
		}
	}
	return findings;
}
