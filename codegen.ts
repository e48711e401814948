import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations (TypedDocumentNode) from the committed SDL: the API tests use them, and partner frontends
// can generate the same way from schema/schema.graphql.
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['tests/operations/**/*.graphql'],
  generates: {
    'tests/generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false },
        scalars: { DateTimeISO: 'string', DateTime: 'string', LocalDate: 'string' },
      },
    },
  },
  hooks: { afterAllFileWrite: [] },
};

export default config;
