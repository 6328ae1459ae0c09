// The emulator's OSS upload policy over time: a grant is good for one minute, then refused as OSS
// refuses an expired policy. Pure logic on the clock (`now`), so no test waits a minute.
import { OssUploads } from '../../tools/emulator/oss/ossUploads';

const fieldsOf = (grant: ReturnType<OssUploads['grant']>) => ({
	key: grant.Key,
	policy: grant.Policy,
	OSSAccessKeyId: grant.OSSAccessKeyId,
	signature: grant.Signature,
});

describe('OssUploads policy expiry', () => {
	const uploads = new OssUploads();
	const issuedAt = Date.parse('2026-12-06T18:00:00Z');
	const grant = uploads.grant('http://127.0.0.1:1/__oss', 'bin', issuedAt);

	it('accepts the form within the minute', () => {
		expect(uploads.refusal(fieldsOf(grant), issuedAt + 59_000)).toBeUndefined();
	});

	it('refuses it once the minute is over, as OSS does (AccessDenied, Policy expired)', () => {
		expect(uploads.refusal(fieldsOf(grant), issuedAt + 60_000)).toEqual({ code: 'AccessDenied', message: 'Invalid according to Policy: Policy expired.', status: 403 });
	});

	it('refuses a policy re-signed by nobody: an edited expiry breaks the signature', () => {
		const policy = JSON.parse(Buffer.from(grant.Policy, 'base64').toString()) as { expiration: string };
		const later = Buffer.from(JSON.stringify({ ...policy, expiration: '2099-01-01T00:00:00.000Z' })).toString('base64');
		expect(uploads.refusal({ ...fieldsOf(grant), policy: later }, issuedAt + 120_000)?.code).toBe('SignatureDoesNotMatch');
	});
});
