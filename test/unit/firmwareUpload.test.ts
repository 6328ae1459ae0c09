import { fileSuffixOf, MAX_PACKAGE_BYTES } from '../../nodes/AlibabaCloudIot/api/otaFirmwareUpload';
import { checkSize } from '../../nodes/AlibabaCloudIot/actions/firmware/uploadFields';

describe('fileSuffixOf', () => {
	it.each([
		['meter.tar.gz', 'tar.gz'],
		['METER.TAR.GZ', 'tar.gz'],
		['meter.gz', 'gz'],
		['app.apk', 'apk'],
		['image.zip', 'zip'],
		['image.gzip', 'gzip'],
		['cam.dav', 'dav'],
		['image.hex', 'bin'],
		['noextension', 'bin'],
		[undefined, 'bin'],
	])('%s goes as %s', (name, suffix) => {
		expect(fileSuffixOf(name)).toBe(suffix);
	});
});

describe('checkSize', () => {
	const fail = (what: string, rule: string) => new Error(`${what} (item 3): ${rule}`);

	it('takes 1 byte to 1,000 MB', () => {
		expect(() => checkSize(1, 'data', fail)).not.toThrow();
		expect(() => checkSize(MAX_PACKAGE_BYTES, 'data', fail)).not.toThrow();
	});

	it('refuses an empty package and one over 1,000 MB, naming the field and the rule', () => {
		expect(() => checkSize(0, 'data', fail)).toThrow('The binary field "data" is empty (item 3): an OTA package needs content');
		expect(() => checkSize(MAX_PACKAGE_BYTES + 1, 'fw', fail)).toThrow(`The binary field "fw" holds ${MAX_PACKAGE_BYTES + 1} bytes (item 3): OSS takes at most 1,000 MB`);
	});
});
