package dev.spinnet.devicefit.neuron;

import dev.spinnet.llg.cc.CollectiveCoordinateModel;
import dev.spinnet.llg.cc.JouleHeating;
import dev.spinnet.llg.cc.WallDynamicsSimulator;
import dev.spinnet.llg.cc.WallTrajectory;

/**
 * Spot check of Joule heating, which the tables leave out: the same neuron with llg-solver's lumped heating
 * (T becomes a third state; s_net, M_net and alphaS follow it), heat from the heavy metal spread over heavy
 * metal plus film with a metal's volumetric heat capacity 3e6 J/(m^3 K) and a cooling time of 1 ns (an
 * assumption: thin films on oxidised Si cool in about a nanosecond).
 */
public final class HeatingCheck {
    /** Volumetric heat capacity of the metal stack, J/(m^3 K). */
    static final double HEAT_CAPACITY = 3.0e6;
    /** Cooling time to the substrate, s. */
    static final double COOLING_TIME = 1e-9;

    private HeatingCheck() {
    }

    /** {output with heating, peak film temperature (K)} for input x at T = 0 noise. */
    public static double[] output(NeuronDesign d, double x) {
        JouleHeating heating = JouleHeating.fromStack(d.temperature(), d.material().heavyMetal(), d.hmThickness(),
                d.hmThickness() + d.material().thickness(), HEAT_CAPACITY, COOLING_TIME);
        CollectiveCoordinateModel m = new CollectiveCoordinateModel(d.material(), heating, 0.0,
                d.pulse(x, 1.0), d.barrier(1.0, 1.0));
        double tr = d.readTime();
        WallTrajectory t = WallDynamicsSimulator.defaults().run(m, 0.0, 0.0, 0.0, tr, tr / 200);
        double peak = 0;
        for (double v : t.temperature()) {
            peak = Math.max(peak, v);
        }
        return new double[] {t.finalPosition() / d.outputUnit(), peak};
    }
}
