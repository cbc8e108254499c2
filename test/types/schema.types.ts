// Compile-time check (run by `npm test` through `tsc -p test/tsconfig.json`): the JSON Schema and the
// TypeScript record types describe the same shape, each assignable to the other.
import type { FromSchema } from "json-schema-to-ts";
import type { storySchema } from "../../src/schema.js";
import type { Story } from "../../src/story.js";

type FromJson = FromSchema<typeof storySchema>;

// Story -> schema type, and schema type -> Story.
const toSchema = (s: Story): FromJson => s;
const toStory = (s: FromJson): Story => s;
void toSchema;
void toStory;
