/**
 * Deliberate architecture violations (issue 7), one per class, so ArchitectureRulesCatchViolationsTest can
 * show each rule failing. Test classes only: ArchitectureTest's import skips test-classes.
 */
package dev.tower.archfixtures;
