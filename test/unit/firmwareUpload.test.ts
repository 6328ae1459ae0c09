// FileSuffix from the binary's file name: n8n reports `.tar.gz` as extension `gz`, so the name decides.
import { fileSuffixOf } from '../../nodes/AlibabaCloudIot/api/otaFirmwareUpload';

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
