// How long each phase of the run took, printed as it ends and again at the end.
export class Phases {
	private readonly taken: Array<{ name: string; ms: number }> = [];

	async time<T>(name: string, body: () => Promise<T>): Promise<T> {
		const startedAt = Date.now();
		try {
			return await body();
		} finally {
			const ms = Date.now() - startedAt;
			this.taken.push({ name, ms });
			console.log(`  ..    (${name}: ${seconds(ms)})`);
		}
	}

	summary(): string {
		return ['Phases:', ...this.taken.map(({ name, ms }) => `  ${seconds(ms).padStart(7)}  ${name}`)].join('\n');
	}
}

function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}
