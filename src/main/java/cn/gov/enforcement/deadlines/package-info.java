/**
 * Dates the system can trust (PER-06) and consequences of deadlines (PER-07), shared by every
 * procedure: each procedure declares its dated steps in one constant ({@link DatedSteps}), the
 * models call the listeners of this package, and the form rules are made from the same constants.
 */
package cn.gov.enforcement.deadlines;
