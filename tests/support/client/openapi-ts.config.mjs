// @hey-api/openapi-ts: the SDK of ./document.json in ./client, imports ending in .ts so
// Node runs check.ts as it is.
export default {
  input: 'document.json',
  output: { path: 'client', importFileExtension: '.ts' },
  plugins: ['@hey-api/client-fetch'],
};
