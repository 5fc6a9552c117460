/**
 * The device-model file format ({@code data/devices/*.json}): neuron transfer tables and synapse pulse tables
 * extracted from the physics, with fits, noise and provenance. The network depends on this format only, never
 * on the solver; {@link dev.spinnet.network.device.DeviceModels} reads (validating) and writes (atomically).
 */
package dev.spinnet.network.device;
