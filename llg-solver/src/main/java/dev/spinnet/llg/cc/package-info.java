/**
 * Collective-coordinate (q, phi) wall model in four roles: equations
 * ({@link dev.spinnet.llg.cc.CollectiveCoordinateModel}), integration
 * ({@link dev.spinnet.llg.cc.WallDynamicsSimulator}, Hipparchus DP853 restarted at pulse edges), events
 * ({@link dev.spinnet.llg.cc.WallPositionDetector}) and recording
 * ({@link dev.spinnet.llg.cc.TrajectoryRecorder} to {@link dev.spinnet.llg.cc.WallTrajectory}); drives are
 * {@link dev.spinnet.llg.cc.CurrentWaveform}s and pinning / confinement / track ends are
 * {@link dev.spinnet.llg.cc.WallPotential}s. {@link dev.spinnet.llg.cc.WallClosedForms} holds the
 * reference's closed-form steady states.
 */
package dev.spinnet.llg.cc;
