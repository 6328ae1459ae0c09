// `npm run scan`: n8n's own package scanner (@n8n/scan-community-package's analyzePackage, the check
// n8n and a user's security reviewer run) on the tarball exactly as npm would publish it.
// Fails on any finding except the deliberate ones listed, with reasons, in scripts/scan/exceptions.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { cleanEnv } from '../tools/n8n/childEnv';
import { buildAndPack } from '../tools/n8n/packageTarball';
import { runOrThrow } from '../tools/n8n/processes';
import { classify, DELIBERATE_FINDINGS, parseStylish } from './scan/exceptions';

interface ScanResult {
	passed: boolean;
	message?: string;
	details?: string;
}

async function main(): Promise<number> {
	const packed = await buildAndPack();
	const unpacked = mkdtempSync(join(tmpdir(), 'n8n-iot-scan-'));
	try {
		await runOrThrow('tar', 'tar', ['-xzf', packed.tarball, '-C', unpacked], { env: cleanEnv() });
		const packageDir = join(unpacked, 'package');
		// The scanner is an untyped ES module: loaded by a runtime specifier, typed here by hand.
		const specifier = '@n8n/scan-community-package/scanner/scanner.mjs';
		const scanner = (await import(specifier)) as {
			analyzePackage(dir: string): Promise<ScanResult>;
		};
		const result = await scanner.analyzePackage(packageDir);
		if (result.message?.startsWith('Analysis failed')) {
			console.error(`scanner could not run: ${result.message}`);
			return 1;
		}
		const findings = parseStylish(result.details ?? '', packageDir);
		if (!result.passed && findings.length === 0) {
			console.error(`scanner failed without findings this script can read:\n${result.message}\n${result.details ?? ''}`);
			return 1;
		}
		const { unexpected, unused } = classify(findings);
		const byRule = new Map<string, number>();
		for (const finding of findings) byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + 1);
		console.log(`n8n package scanner on ${packed.files.length} packed files: ${findings.length} findings`);
		for (const [rule, count] of byRule) console.log(`  ${count} × ${rule}`);
		for (const exception of DELIBERATE_FINDINGS) console.log(`  deliberate: ${exception.file} ${exception.rule} — ${exception.reason}`);
		for (const finding of unexpected) console.error(`UNEXPECTED: ${finding.file}: ${finding.message} (${finding.rule})`);
		for (const exception of unused) console.error(`STALE EXCEPTION (no such finding any more, remove it): ${exception.file} ${exception.messageContains}`);
		const ok = unexpected.length === 0 && unused.length === 0;
		console.log(ok ? 'scan: passed (only deliberate findings)' : 'scan: FAILED');
		return ok ? 0 : 1;
	} finally {
		rmSync(unpacked, { recursive: true, force: true });
		rmSync(packed.dir, { recursive: true, force: true });
	}
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
