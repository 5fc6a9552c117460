package dev.spinnet.devicefit.neuron;

import dev.spinnet.devicefit.physics.ThermalWall;
import dev.spinnet.llg.cc.CollectiveCoordinateModel;
import dev.spinnet.llg.cc.WallDynamicsSimulator;

/** Output of a neuron for one input: collective model at T = 0 (adaptive DP853) or at T (stochastic Heun). */
public final class NeuronSimulator {
    private NeuronSimulator() {
    }

    static CollectiveCoordinateModel model(NeuronDesign d, NeuronVariant v, double x) {
        return new CollectiveCoordinateModel(d.state(), 0.0, d.pulse(x, v.drive()), d.barrier(v.depth(), v.pressure()));
    }

    /** Output (displacement / output unit) at T = 0. */
    public static double outputT0(NeuronDesign d, NeuronVariant v, double x) {
        double tr = d.readTime();
        return WallDynamicsSimulator.defaults().run(model(d, v, x), 0.0, 0.0, 0.0, tr, tr).finalPosition()
                / d.outputUnit();
    }

    /** Output at the design temperature, thermal noise seeded by {@code seed}. */
    public static double outputThermal(NeuronDesign d, NeuronVariant v, double x, long seed) {
        ThermalWall w = new ThermalWall(d.state(), model(d, v, x), d.crossSection(), d.temperature(), seed);
        double[] q = new double[1];
        w.run(0.0, 0.0, 0.0, new double[] {d.readTime()}, d.dt(), q);
        return q[0] / d.outputUnit();
    }
}
