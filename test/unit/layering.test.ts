// The layering rules of eslint.config.mjs (one way down: actions -> helpers -> api -> transport) fail
// on a wrong import: each probe is linted as if it were a file of that folder.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

function lintAs(fileName: string, code: string): string {
	try {
		execFileSync(join(ROOT, 'node_modules/.bin/eslint'), ['--stdin', '--stdin-filename', fileName, '--rule', '{"@typescript-eslint/no-unused-vars":"off"}'], {
			cwd: ROOT,
			input: code,
			encoding: 'utf8',
		});
		return '';
	} catch (error) {
		return String((error as { stdout?: string }).stdout);
	}
}

describe('layering lint', () => {
	it.each([
		['nodes/AlibabaCloudIot/transport/probe.ts', "import { namesOf } from '../helpers/writeParameters';", 'transport/ is the wire only'],
		['nodes/AlibabaCloudIot/transport/probe.ts', "import { writeOnce } from '../api/writeOnce';", 'transport/ is the wire only'],
		['nodes/AlibabaCloudIot/api/probe.ts', "import { failedItem } from '../helpers/perItem';", 'api/ knows Alibaba, not n8n'],
		['nodes/AlibabaCloudIot/helpers/probe.ts', "import { router } from '../actions/router';", 'only the node files and actions/router.ts reach the operations'],
		['nodes/AlibabaCloudIot/trigger/probe.ts', "import * as otaJob from '../actions/otaJob';", 'only the node files and actions/router.ts reach the operations'],
	])('refuses in %s: %s', (fileName, code, message) => {
		expect(lintAs(fileName, `${code}\nexport {};\n`)).toContain(message);
	});

	it('lets api/ import transport/ and helpers/ import api/', () => {
		expect(lintAs('nodes/AlibabaCloudIot/api/probe.ts', "import { AlibabaApiError } from '../transport/errors';\nexport const probe = AlibabaApiError;\n")).not.toContain('restricted');
		expect(lintAs('nodes/AlibabaCloudIot/helpers/probe.ts', "import { writeOnce } from '../api/writeOnce';\nexport const probe = writeOnce;\n")).not.toContain('restricted');
	});
});
