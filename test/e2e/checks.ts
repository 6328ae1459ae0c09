// A tiny check runner: one line per check, a plain "N passed, N failed" at the end.
import { isShuttingDown } from '../../tools/n8n/processes';

export class Checks {
	passed = 0;
	failed = 0;
	private readonly failures: string[] = [];

	/** Runs one check; a thrown error (node:assert's or any other) fails it. Returns whether it passed. */
	async check(name: string, body: () => unknown): Promise<boolean> {
		try {
			await body();
			this.passed++;
			console.log(`  ok    ${name}`);
			return true;
		} catch (error) {
			// Ctrl-C closed the browser and stopped n8n under this check: not a finding.
			if (isShuttingDown()) return false;
			this.failed++;
			const message = error instanceof Error ? error.message : String(error);
			this.failures.push(`${name}: ${message.split('\n')[0]}`);
			console.log(`  FAIL  ${name}\n${indent(message)}`);
			return false;
		}
	}

	/** A step the checks after it depend on (starting n8n, say): a failure is counted and rethrown. */
	async step<T>(name: string, body: () => Promise<T>): Promise<T> {
		let value: T | undefined;
		let thrown: unknown;
		const ok = await this.check(name, async () => {
			try {
				value = await body();
			} catch (error) {
				thrown = error;
				throw error;
			}
		});
		if (!ok) throw new StepFailed(name, thrown);
		return value as T;
	}

	section(title: string): void {
		console.log(`\n${title}`);
	}

	summary(): string {
		const lines = this.failures.length ? ['', 'Failed:', ...this.failures.map((line) => `  - ${line}`), ''] : [''];
		return [...lines, `${this.passed} passed, ${this.failed} failed`].join('\n');
	}
}

/** Thrown by `step` after its failure was already counted and printed. */
export class StepFailed extends Error {
	constructor(step: string, readonly causeError: unknown) {
		super(`stopped after "${step}" failed`);
	}
}

function indent(text: string): string {
	return text
		.split('\n')
		.slice(0, 40)
		.map((line) => `        ${line}`)
		.join('\n');
}
