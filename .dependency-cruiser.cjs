// The layers of src/, checked by `npm run lint` (dependency-cruiser). From the bottom up:
//
//   story.ts, text/, data/, diagnostics.ts,  record types, positions, tables: import nothing above
//   errors.ts
//   envelope/                                feed-file envelopes (ANPA 1312, IPTC 7901, ZCZC), before parsing
//   legacy/                                  legacy-font conversion (before parsing)
//   quotes/                                  quote and speech recognisers
//   parse/                                   line, story, part recognisers and the assembler
//   index.ts, schema.ts, version.ts          the library's public face
//   render/, stats/                          record -> text (json, yaml, pretty, ninjs, html, trace; stats)
//   inputs/, outputs/                        reading and writing many files
//   cli/                                     the command line
//
// docs/architecture.md explains the stages; a rule here says which way imports may point.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Modules form a tree of layers: a cycle means a type or helper sits in the wrong place.",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "bottom-stays-bottom",
      severity: "error",
      comment: "Record types, text helpers, data tables and diagnostics are imported by every stage and import no stage.",
      from: { path: "^src/(story|diagnostics|errors)\\.ts$|^src/(text|data)/" },
      to: { path: "^src/", pathNot: "^src/(story|diagnostics|errors)\\.ts$|^src/(text|data)/" },
    },
    {
      name: "envelope-before-parsing",
      severity: "error",
      comment: "The envelope stage reads feed framing before the story recognisers; it uses only line scanning from parse/.",
      from: { path: "^src/envelope/" },
      to: { path: "^src/(parse/(?!lines\\.ts$)|quotes|legacy|render|stats|cli|inputs|outputs)|^src/index\\.ts$" },
    },
    {
      name: "legacy-before-parsing",
      severity: "error",
      comment: "Legacy-font conversion runs before the recognisers and knows nothing of them.",
      from: { path: "^src/legacy/" },
      to: { path: "^src/(parse|quotes|render|cli|inputs|outputs)/|^src/index\\.ts$" },
    },
    {
      name: "quotes-below-parse",
      severity: "error",
      comment: "The quote recognisers get paragraphs and sentences as ranges; they do not reach into parse/.",
      from: { path: "^src/quotes/" },
      to: { path: "^src/(parse|legacy|render|cli|inputs|outputs)/|^src/index\\.ts$" },
    },
    {
      name: "parse-knows-no-output",
      severity: "error",
      comment: "Parsing never imports rendering, the command line, batch inputs or outputs.",
      from: { path: "^src/parse/" },
      to: { path: "^src/(render|stats|cli|inputs|outputs)/|^src/index\\.ts$" },
    },
    {
      name: "render-reads-records-only",
      severity: "error",
      comment: "Renderers and stats turn finished records into text: they import record types, not the recognisers.",
      from: { path: "^src/(render|stats)/" },
      to: { path: "^src/(parse|quotes|legacy|envelope|cli|inputs|outputs)/|^src/index\\.ts$" },
    },
    {
      name: "io-below-cli",
      severity: "error",
      comment: "Batch inputs and outputs are used by the command line, never the other way round.",
      from: { path: "^src/(inputs|outputs)/" },
      to: { path: "^src/cli/" },
    },
    {
      name: "cli-on-top",
      severity: "error",
      comment: "Nothing but the command line (and bin/) imports the command line.",
      from: { path: "^src/", pathNot: "^src/cli/" },
      to: { path: "^src/cli/" },
    },
    {
      name: "no-orphans",
      severity: "error",
      comment: "A module nobody imports is dead code (entry points excepted).",
      from: { orphan: true, path: "^src/", pathNot: "^src/(index|cli/main|cli/worker)\\.ts$|\\.d\\.ts$" },
      to: {},
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".js", ".json"] },
  },
};
