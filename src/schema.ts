/**
 * The JSON Schema (draft 2020-12) of one `json` record. `wire schema` prints it. It is
 * checked against the TypeScript types of `story.ts` at compile time (test/types/schema.types.ts,
 * run by `npm test`), so the two cannot drift apart.
 */
const span = {
  type: "object",
  properties: { start: { type: "integer", minimum: 0 }, end: { type: "integer", minimum: 0 } },
  required: ["start", "end"],
  additionalProperties: false,
} as const;

const line = { type: "integer", minimum: 1 } as const;

const agency = {
  type: "object",
  properties: { code: { type: ["string", "null"] }, text: { type: "string" } },
  required: ["code", "text"],
  additionalProperties: false,
} as const;

const person = {
  type: "object",
  properties: {
    text: { type: "string" },
    name: { type: ["string", "null"] },
    nameFrom: {
      type: "object",
      properties: { span, line },
      required: ["span", "line"],
      additionalProperties: false,
    },
  },
  required: ["text", "name"],
  additionalProperties: false,
} as const;

const cue = {
  type: "object",
  properties: { text: { type: "string" }, span },
  required: ["text", "span"],
  additionalProperties: false,
} as const;

const textPart = {
  type: "object",
  properties: { text: { type: "string" }, span, line },
  required: ["text", "span", "line"],
  additionalProperties: false,
} as const;

const transmissionField = {
  type: "object",
  properties: {
    text: { type: "string" },
    span,
    line,
    value: { anyOf: [{ type: "string" }, { type: "number" }, { type: "null" }] },
  },
  required: ["text", "span", "line", "value"],
  additionalProperties: false,
} as const;

const field = { anyOf: [transmissionField, { type: "null" }] } as const;

const transmission = {
  type: "object",
  properties: {
    format: { enum: ["anpa-1312", "iptc-7901", "zczc"] },
    span,
    line,
    service: field,
    sequence: field,
    selector: field,
    priority: field,
    category: field,
    keyword: field,
    take: field,
    wordCount: field,
    filed: field,
    charset: field,
    layout: field,
    credit: field,
    other: { type: "array", items: textPart },
  },
  required: [
    "format",
    "span",
    "line",
    "service",
    "sequence",
    "selector",
    "priority",
    "category",
    "keyword",
    "take",
    "wordCount",
    "filed",
    "charset",
    "layout",
    "credit",
    "other",
  ],
  additionalProperties: false,
} as const;

export const storySchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://wire.invalid/schema/wire.story-1.json",
  title: "wire story record (wire.story/1)",
  description: "One story parsed from news-agency wire copy. Spans count Unicode code points into the decoded input.",
  type: "object",
  properties: {
    schema: { const: "wire.story/1" },
    source: {
      type: "object",
      properties: {
        path: { type: ["string", "null"] },
        index: { type: "integer", minimum: 1 },
        count: { type: "integer", minimum: 1 },
        bytes: { type: "integer", minimum: 0 },
        sha256: { type: "string", pattern: "^[0-9a-f]{64}$" },
        encoding: { type: "string" },
      },
      required: ["path", "index", "count", "bytes", "sha256", "encoding"],
      additionalProperties: false,
    },
    language: { type: "string" },
    agency: { anyOf: [agency, { type: "null" }] },
    headline: { anyOf: [textPart, { type: "null" }] },
    dateline: {
      anyOf: [
        {
          type: "object",
          properties: {
            text: { type: "string" },
            span,
            line,
            places: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  text: { type: "string" },
                  name: { type: ["string", "null"] },
                  country: { type: ["string", "null"] },
                },
                required: ["text", "name", "country"],
                additionalProperties: false,
              },
            },
            date: {
              anyOf: [
                {
                  type: "object",
                  properties: {
                    text: { type: "string" },
                    day: { type: ["integer", "null"] },
                    month: { type: ["integer", "null"] },
                    year: { type: ["integer", "null"] },
                    yearFrom: { enum: ["text", "ref-date", null] },
                    iso: { type: ["string", "null"] },
                  },
                  required: ["text", "day", "month", "year", "yearFrom", "iso"],
                  additionalProperties: false,
                },
                { type: "null" },
              ],
            },
            agency: { anyOf: [agency, { type: "null" }] },
          },
          required: ["text", "span", "line", "places", "date", "agency"],
          additionalProperties: false,
        },
        { type: "null" },
      ],
    },
    byline: { anyOf: [textPart, { type: "null" }] },
    headerLines: { type: "array", items: textPart, minItems: 1 },
    paragraphs: {
      type: "array",
      items: {
        type: "object",
        properties: {
          text: { type: "string" },
          span,
          line,
          break: { enum: ["start", "newline", "blank-line", "inferred"] },
          sentences: {
            type: "array",
            items: { type: "object", properties: { span }, required: ["span"], additionalProperties: false },
          },
          kind: { const: "table" },
        },
        required: ["text", "span", "line", "break", "sentences"],
        additionalProperties: false,
      },
    },
    quotes: {
      type: "array",
      items: {
        type: "object",
        properties: {
          text: { type: "string" },
          span,
          line,
          paragraph: { type: "integer", minimum: 0 },
          kind: { enum: ["direct", "continuation", "partial", "unmarked"] },
          speaker: { anyOf: [person, { type: "null" }] },
          via: { anyOf: [person, { type: "null" }] },
          cue: { anyOf: [cue, { type: "null" }] },
          closed: { type: "boolean" },
          opened: { type: "boolean" },
        },
        required: ["text", "span", "line", "paragraph", "kind", "speaker", "via", "cue", "closed"],
        additionalProperties: false,
      },
    },
    attributions: {
      type: "array",
      items: {
        type: "object",
        properties: {
          kind: { enum: ["according-to", "said-that"] },
          source: person,
          cue,
          span,
          line,
          paragraph: { type: "integer", minimum: 0 },
        },
        required: ["kind", "source", "cue", "span", "line", "paragraph"],
        additionalProperties: false,
      },
    },
    signoff: {
      anyOf: [
        {
          type: "object",
          properties: {
            text: { type: "string" },
            span,
            line,
            agency: { anyOf: [agency, { type: "null" }] },
            codes: {
              type: "array",
              items: {
                type: "object",
                properties: { text: { type: "string" }, latin: { type: ["string", "null"] } },
                required: ["text", "latin"],
                additionalProperties: false,
              },
            },
            names: {
              type: "array",
              items: {
                type: "object",
                properties: { text: { type: "string" }, span, role: { type: "string" } },
                required: ["text", "span", "role"],
                additionalProperties: false,
              },
            },
          },
          required: ["text", "span", "line", "agency", "codes"],
          additionalProperties: false,
        },
        { type: "null" },
      ],
    },
    slugline: { anyOf: [textPart, { type: "null" }] },
    ednote: { anyOf: [textPart, { type: "null" }] },
    transmission: { anyOf: [transmission, { type: "null" }] },
    diagnostics: {
      type: "array",
      items: {
        type: "object",
        properties: {
          code: { type: "string" },
          severity: { enum: ["error", "warning", "info"] },
          message: { type: "string" },
          span,
          line,
          column: { type: "integer", minimum: 1 },
        },
        required: ["code", "severity", "message", "span", "line", "column"],
        additionalProperties: false,
      },
    },
  },
  required: [
    "schema",
    "source",
    "language",
    "agency",
    "headline",
    "dateline",
    "byline",
    "paragraphs",
    "quotes",
    "attributions",
    "signoff",
    "slugline",
    "ednote",
    "transmission",
    "diagnostics",
  ],
  additionalProperties: false,
} as const;
