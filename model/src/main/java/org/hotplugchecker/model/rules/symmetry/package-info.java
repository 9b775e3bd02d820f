/**
 * What symmetry reduction needs to know about a rule set, derived from it:
 * {@link org.hotplugchecker.model.rules.symmetry.SymmetryAnalysis} walks the expressions
 * the model runs and says which elements must stay fixed, which domains must not be
 * permuted and where an action property needs a witness per renaming
 * ({@link org.hotplugchecker.model.rules.symmetry.SymmetryConstraints}). The group itself
 * is built, for one topology and boot state, by the explicit engine.
 */
package org.hotplugchecker.model.rules.symmetry;
