/**
 * The entry of a bench child process: its spec comes as JSON in argv[2], its result goes to stdout
 * as one JSON line, and a failure to stderr with exit code 1.
 */
export function runAsChild<Spec, Result>(run: (spec: Spec) => Promise<Result>): void {
	run(JSON.parse(process.argv[2]) as Spec)
		.then((result) => {
			process.stdout.write(`${JSON.stringify(result)}\n`);
		})
		.catch((error: unknown) => {
			process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
			process.exitCode = 1;
		});
}
