// The annotation rules live in src/core/validate-annotations.ts, shared with the options page's
// import of a pack file; the build and the tests import them from here as before.
export * from '../src/core/validate-annotations.ts';
