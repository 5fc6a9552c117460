/**
 * 1D two-sublattice LLG-Slonczewski finite differences along a track. One class per physical term, each
 * adding its field into a flat structure-of-arrays buffer ({@link dev.spinnet.llg.micromag.Mesh1D} layout):
 * Exchange, InterSublatticeExchange, UniaxialAnisotropy, ShapeAnisotropy, InterfacialDmi, Zeeman,
 * SpinOrbitTorque (damping- and field-like), Thermal. {@link dev.spinnet.llg.micromag.LlgEquation} turns the
 * field into torques; integrators live in {@code dev.spinnet.llg.ode} and know nothing of magnetism.
 */
package dev.spinnet.llg.micromag;
