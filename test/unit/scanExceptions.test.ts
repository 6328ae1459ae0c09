import { classify, parseStylish } from '../../scripts/scan/exceptions';

const DIR = '/tmp/scan/package';
const report = `
${DIR}/dist/nodes/AlibabaCloudIot/transport/answerCapture.js
  40:27  error  Require of 'node:http' is not allowed. n8n Cloud does not allow community nodes with dependencies   @n8n/community-nodes/no-restricted-imports
  41:28  error  Require of 'node:https' is not allowed. n8n Cloud does not allow community nodes with dependencies  @n8n/community-nodes/no-restricted-imports

${DIR}/dist/nodes/AlibabaCloudIot/transport/clock.js
  6:57  error  Use of restricted global 'setTimeout' is not allowed. Use the 'sleep' helper from 'n8n-workflow' instead  @n8n/community-nodes/no-restricted-globals

${DIR}/dist/nodes/AlibabaCloudIot/transport/ossPostObject.js
  5:23  error  Require of 'node:http' is not allowed. n8n Cloud does not allow community nodes with dependencies   @n8n/community-nodes/no-restricted-imports
  6:24  error  Require of 'node:https' is not allowed. n8n Cloud does not allow community nodes with dependencies  @n8n/community-nodes/no-restricted-imports

${DIR}/dist/nodes/AlibabaCloudIot/transport/popRequest.js
  7:36  error  Require of '@alicloud/pop-core' is not allowed. n8n Cloud does not allow community nodes with dependencies  @n8n/community-nodes/no-restricted-imports

${DIR}/dist/nodes/AlibabaCloudIot/transport/sharedQuota.js
  41:30  error  Require of 'node:fs' is not allowed. n8n Cloud does not allow community nodes with dependencies  @n8n/community-nodes/no-restricted-imports
  76:60  error  Use of restricted global 'process' is not allowed  @n8n/community-nodes/no-restricted-globals

${DIR}/dist/nodes/AlibabaCloudIot/transport/sharedQuotaRedis.js
  48:35  error  Require of 'ioredis' is not allowed. n8n Cloud does not allow community nodes with dependencies  @n8n/community-nodes/no-restricted-imports

${DIR}/package.json
  54:3  error  The "dependencies" field must be empty or absent in community node packages.  @n8n/community-nodes/no-runtime-dependencies

✖ 10 problems (10 errors, 0 warnings)
`;

describe("n8n package scanner's findings", () => {
	it('reads file, rule and message from the stylish report', () => {
		const findings = parseStylish(report, DIR);
		expect(findings).toHaveLength(10);
		expect(findings[2]).toEqual({
			file: 'dist/nodes/AlibabaCloudIot/transport/clock.js',
			rule: '@n8n/community-nodes/no-restricted-globals',
			message: "Use of restricted global 'setTimeout' is not allowed. Use the 'sleep' helper from 'n8n-workflow' instead",
		});
	});

	it('lets only the documented deliberate findings through', () => {
		const { unexpected, unused } = classify(parseStylish(report, DIR));
		expect(unexpected.map((finding) => finding.rule)).toEqual(['@n8n/community-nodes/no-restricted-globals']);
		expect(unused).toEqual([]);
	});

	it('flags a deliberate import used from another file, and an exception nothing matches any more', () => {
		const moved = report.replace(`${DIR}/dist/nodes/AlibabaCloudIot/transport/popRequest.js`, `${DIR}/dist/nodes/AlibabaCloudIot/api/other.js`);
		const { unexpected, unused } = classify(parseStylish(moved, DIR));
		expect(unexpected.map((finding) => finding.file)).toContain('dist/nodes/AlibabaCloudIot/api/other.js');
		expect(unused.map((exception) => exception.file)).toEqual(['dist/nodes/AlibabaCloudIot/transport/popRequest.js']);
	});
});
