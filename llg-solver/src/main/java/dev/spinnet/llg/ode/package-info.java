/**
 * Integrators over flat double arrays, independent of the physics: adaptive Dormand-Prince 5(4) for
 * deterministic runs and Stratonovich stochastic Heun for runs with a thermal field.
 */
package dev.spinnet.llg.ode;
