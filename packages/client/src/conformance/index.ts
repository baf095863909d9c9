/**
 * @rill/client conformance suite — the entry of the documented subpath `@rill/client/conformance`
 * (to be added to package.json#exports). Imports vitest, so it is kept out of the main entry.
 */
export { clientConformanceSuite } from './suite.js';
export type {
  ConformanceFactory,
  ConformanceFeatures,
  ConformanceHarness,
  ConformanceOptions,
} from './harness.js';
