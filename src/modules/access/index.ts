/**
 * The access module's border: what other modules, src/app.ts, bench/ and test/ may import from it
 * (docs/architecture.md, "Where a module's border is"). Its other files are its own.
 */
export { assertUnitInScope, assertNationalAdministrator, outOfScope } from './scope.js';
export { subtreeOf, officerLinkedTo, unitAncestry, districtsServedBy } from './repository.js';
export { accountLinkProblem } from './account-link.js';
export { factsOf, isAllowed, resourceOf, subjectOf } from './facts.js';
export { targetCheck } from './targets.js';
