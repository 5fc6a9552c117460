/**
 * Immutable, validated SI parameter records of a two-sublattice ferrimagnet on a heavy metal
 * ({@link dev.spinnet.llg.material.Ferrimagnet}, {@link dev.spinnet.llg.material.Sublattice},
 * {@link dev.spinnet.llg.material.HeavyMetal}), their derived quantities at a temperature
 * ({@link dev.spinnet.llg.material.MaterialState}: gamma_i, s_i, s_net, M_net, Delta, J_s, j0, H_W), the
 * compensation temperatures found by root finding, and presets.
 */
package dev.spinnet.llg.material;
