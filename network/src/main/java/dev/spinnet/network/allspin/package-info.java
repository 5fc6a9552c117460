/**
 * All-spin training: device synapses (differential pairs of pulsed conductances) and device
 * neurons (tabulated transfer curves) in the engine's networks.
 *
 * <p>Roles are kept apart as in aihwkit: a {@link dev.spinnet.network.allspin.PulseDevice} is the
 * small declarative description of one device's pulse response; a
 * {@link dev.spinnet.network.allspin.DevicePairWeights} is the tile that holds the device states of
 * one weight tensor and applies pulses to them; the update algorithms
 * ({@link dev.spinnet.network.allspin.InSituSgd}, {@link dev.spinnet.network.allspin.MixedPrecision},
 * {@link dev.spinnet.network.allspin.HardwareAware}) are ordinary
 * {@link dev.spinnet.network.optim.Optimizer}s; {@link dev.spinnet.network.allspin.AllSpin} wires a
 * model. Device behaviour enters only through {@code PulseDevice} and
 * {@link dev.spinnet.network.allspin.NeuronTable}, so device-model files need a few-line adapter.
 * See {@code network/ALLSPIN.md}.
 */
package dev.spinnet.network.allspin;
