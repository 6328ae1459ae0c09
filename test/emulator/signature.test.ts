import { canonicalQuery, percentEncode, signStringToSign, stringToSign } from '../../tools/emulator/signature';

describe('RPC signature 1.0', () => {
	it('percent-encodes per RFC 3986, including ! \' ( ) * and spaces as %20', () => {
		expect(percentEncode("a b!'()*~-._/+=&é")).toBe('a%20b%21%27%28%29%2A~-._%2F%2B%3D%26%C3%A9');
	});

	it("matches Alibaba's documented example (doc 30563: DescribeRegions, secret testsecret)", () => {
		const params = {
			AccessKeyId: 'testid',
			Action: 'DescribeRegions',
			Format: 'XML',
			SignatureMethod: 'HMAC-SHA1',
			SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
			SignatureVersion: '1.0',
			Timestamp: '2016-02-23T12:46:24Z',
			Version: '2014-05-26',
		};
		const text = stringToSign('GET', params);
		expect(text).toBe(
			'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1' +
				'%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0' +
				'%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
		);
		expect(signStringToSign(text, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
	});

	it('signs a POST with an STS token and awkward values (expected values computed by hand with openssl)', () => {
		const params = {
			Signature: 'ignored: never part of what is signed',
			Version: '2018-01-20',
			Action: 'ListOTAJobByFirmware',
			FirmwareId: "fw (beta)*!'",
			SecurityToken: 'tok/en+=',
			AccessKeyId: 'STS.k',
			Timestamp: '2024-05-01T00:00:00Z',
		};
		expect(canonicalQuery(params)).toBe(
			'AccessKeyId=STS.k&Action=ListOTAJobByFirmware&FirmwareId=fw%20%28beta%29%2A%21%27' +
				'&SecurityToken=tok%2Fen%2B%3D&Timestamp=2024-05-01T00%3A00%3A00Z&Version=2018-01-20',
		);
		const text = stringToSign('POST', params);
		expect(text).toBe(
			'POST&%2F&AccessKeyId%3DSTS.k%26Action%3DListOTAJobByFirmware%26FirmwareId%3Dfw%2520%2528beta%2529%252A%2521%2527' +
				'%26SecurityToken%3Dtok%252Fen%252B%253D%26Timestamp%3D2024-05-01T00%253A00%253A00Z%26Version%3D2018-01-20',
		);
		expect(signStringToSign(text, 's3cret')).toBe('AY/T2hSM/B9sQmLUSLdZlfEca04=');
	});

	it('sorts keys by code unit, so upper case comes before lower case', () => {
		expect(canonicalQuery({ b: '1', B: '2', a: '3', A: '4' })).toBe('A=4&B=2&a=3&b=1');
	});
});
