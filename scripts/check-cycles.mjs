// Fails when modules under functions/src import each other in a cycle
// (type-only imports count too: a cycle of types is still a tangle of rules).
// Uses TypeScript's own parser, so every import and re-export is seen, e.g.
// `domain/coach.ts → domain/policy.ts → domain/booking.ts → domain/coach.ts`.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "..");
const SOURCE = join(ROOT, "functions", "src");

/** Every .ts file below `dir`. */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** The project files `file` imports (relative specifiers; NodeNext writes `./x.js` for `./x.ts`). */
function importsOf(file) {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((name) => name.startsWith("."))
    .map((name) => resolve(dirname(file), name.replace(/\.js$/, ".ts")));
}

/** The cycles of the import graph: one per strongly connected component (Tarjan), as a closed path. */
function cycles(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  let next = 0;
  const visit = (node) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node), low.get(target)));
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node), index.get(target)));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    const selfImport = graph.get(node)?.includes(node);
    if (component.length > 1 || selfImport) found.push(pathWithin(graph, new Set(component), node));
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** One closed import path through a strongly connected component, starting and ending at `start`. */
function pathWithin(graph, component, start) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const target of graph.get(node) ?? []) {
      if (!component.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let at = node; at !== null && at !== start; at = previous.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

const graph = new Map(sourceFiles(SOURCE).map((file) => [file, importsOf(file)]));
const found = cycles(graph);
if (found.length > 0) {
  console.error(`Import cycles in functions/src (${found.length}):`);
  for (const cycle of found) console.error(`  ${cycle.map((file) => relative(SOURCE, file)).join(" → ")}`);
  process.exit(1);
}
console.log(`No import cycles among ${graph.size} modules in functions/src.`);
