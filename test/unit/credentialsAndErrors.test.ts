import { classifyErrorCode } from '../../nodes/AlibabaCloudIot/transport/errors';
import { resolveIotCredentials } from '../../nodes/AlibabaCloudIot/transport/iotCredentials';
import { redactText } from '../../nodes/AlibabaCloudIot/transport/redact';
import { IOT_REGIONS } from '../../credentials/common/iotRegions';

const keys = { accessKeyId: 'LTAI-id', accessKeySecret: 'the-secret' };

describe('resolveIotCredentials', () => {
	it('builds the regional endpoint when none is set', () => {
		expect(resolveIotCredentials({ ...keys, regionId: 'ap-southeast-1' })).toMatchObject({
			endpoint: 'https://iot.ap-southeast-1.aliyuncs.com',
			regionId: 'ap-southeast-1',
			maxRequestsPerSecond: 10,
		});
		expect(resolveIotCredentials(keys).endpoint).toBe('https://iot.cn-shanghai.aliyuncs.com');
	});

	it('lists the eight IoT Platform regions', () => {
		expect(IOT_REGIONS.map((region) => region.id).sort()).toEqual(
			['ap-northeast-1', 'ap-southeast-1', 'cn-beijing', 'cn-shanghai', 'cn-shenzhen', 'eu-central-1', 'us-east-1', 'us-west-1'],
		);
	});

	it('accepts an http endpoint override, such as a local emulator', () => {
		expect(resolveIotCredentials({ ...keys, endpoint: ' http://127.0.0.1:8787/ ' }).endpoint).toBe('http://127.0.0.1:8787');
	});

	it.each([
		['ftp://example.com', 'must start with https:// or http://'],
		['iot.cn-shanghai.aliyuncs.com', 'is not a URL'],
		['https://user:pw@example.com', 'plain URL'],
		['https://example.com/?a=1', 'plain URL'],
	])('rejects the endpoint %s clearly', (endpoint, message) => {
		expect(() => resolveIotCredentials({ ...keys, endpoint })).toThrow(message);
	});

	it('refuses a region outside the allow-list before it reaches a host name', () => {
		expect(() => resolveIotCredentials({ ...keys, regionId: 'evil.com#' })).toThrow('not an Alibaba Cloud IoT Platform region');
	});

	it('names the missing field', () => {
		expect(() => resolveIotCredentials({ accessKeySecret: 's' })).toThrow('AccessKey ID');
		expect(() => resolveIotCredentials({ accessKeyId: 'id', accessKeySecret: '  ' })).toThrow('AccessKey Secret');
		expect(() => resolveIotCredentials({ ...keys, maxRequestsPerSecond: 101 })).toThrow('Max Requests per Second');
	});

	it('treats a blank security token as none', () => {
		expect(resolveIotCredentials({ ...keys, securityToken: '  ' }).securityToken).toBeUndefined();
	});
});

describe('classifyErrorCode', () => {
	it.each([
		['InvalidAccessKeyId.NotFound', 404, 'auth'],
		['InvalidAccessKeyId.Inactive', 400, 'auth'],
		['SignatureDoesNotMatch', 400, 'auth'],
		['InvalidSecurityToken.Expired', 400, 'auth'],
		['MissingSecurityToken', 400, 'auth'],
		['Forbidden.RAM', 403, 'permission'],
		['Forbidden.RAM', 400, 'permission'],
		['NoPermission', 403, 'permission'],
		['iot.common.RamActionPermissionDeny', 200, 'permission'],
		['Forbidden', 403, 'auth'],
		['InvalidTimeStamp.Expired', 400, 'auth'],
		['iot.system.InstanceNotFound', 200, 'business'],
		['iot.Sre.IotInstanceNotFound', 200, 'business'],
		['iot.something.NeverSeen', 200, 'business'],
		['Throttling.User', 400, 'throttling'],
		['Throttling', 429, 'throttling'],
		['TooManyRequests', 429, 'throttling'],
		['Forbidden.RAM', 429, 'permission'],
		['ServiceUnavailable', 503, 'server'],
		['InternalError', 500, 'server'],
		['SomethingNew', 502, 'server'],
		['iot.ota.FirmwareNotFound', 200, 'business'],
		['iot.common.InvalidPageParams', 200, 'business'],
		['InvalidAction.NotFound', 404, 'business'],
	])('%s (HTTP %i) is %s', (code, status, kind) => {
		expect(classifyErrorCode(code, status)).toBe(kind);
	});
});

describe('redactText', () => {
	it('drops the string to sign that SignatureDoesNotMatch echoes', () => {
		const message =
			'Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3DLTAI%26SecurityToken%3Dtok';
		expect(redactText(message)).toBe('Specified signature is not matched with our calculation.');
	});

	it('removes signed URLs, sensitive pairs and the secrets themselves', () => {
		const text = 'failed GET https://iot.example.com/?Signature=abc&AccessKeyId=x, token my-token-value, Signature=zzz';
		const clean = redactText(text, ['my-token-value']);
		expect(clean).not.toMatch(/abc|my-token-value|zzz/);
		expect(clean).toContain('[redacted URL]');
	});

	it.each([
		['an HTML title', '<title>403 Request blocked: http://127.0.0.1:1/?AccessKeyId=STS.K&SecurityToken=tok-1234&Signature=c2ln%3D</title>'],
		['a bare query string', 'blocked: AccessKeyId=STS.K&SecurityToken=tok-1234&Signature=c2ln%3D'],
		['a percent-encoded query', 'url=%2F%3FAccessKeyId%3DSTS.K%26SecurityToken%3Dtok-1234%26Signature%3Dc2ln'],
		['a JSON echo', '{"SecurityToken":"tok-1234","Signature":"c2ln","AccessKeyId":"STS.K"}'],
		['a header echo', 'x-acs-security-token: tok-1234; Signature: c2ln'],
	])('leaves nothing of the request in %s', (_case, text) => {
		const clean = redactText(text, ['tok-1234']);
		expect(clean).not.toMatch(/tok-1234|c2ln|STS\.K/);
	});

	it('finds a secret in its percent-encoded forms', () => {
		const secret = "se/cr+et!'()*";
		const text = `a ${encodeURIComponent(secret)} b ${encodeURIComponent(encodeURIComponent(secret))} c %21%27%28%29%2A`;
		expect(redactText(`${text} ${secret}`, [secret])).not.toMatch(/se.?2Fcr|se\/cr/);
	});
});
