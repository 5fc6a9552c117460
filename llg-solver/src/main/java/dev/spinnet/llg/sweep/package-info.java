/**
 * Parameter sweeps: a {@link dev.spinnet.llg.sweep.SweepSpec} (material preset, model cc or llg, axes over
 * drive and material parameters, shared settings) expands into runs; {@link dev.spinnet.llg.sweep.RunSimulator}
 * computes one run as a pure function of (spec, run index, seed) and {@link dev.spinnet.llg.sweep.SweepRunner}
 * runs them on a thread pool, writing a tidy, resumable, thread-count independent CSV.
 */
package dev.spinnet.llg.sweep;
