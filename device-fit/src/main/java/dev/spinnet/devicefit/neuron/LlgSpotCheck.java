package dev.spinnet.devicefit.neuron;

import dev.spinnet.llg.material.MaterialState;
import dev.spinnet.llg.micromag.FilmTrack;
import dev.spinnet.llg.micromag.LlgEquation;
import dev.spinnet.llg.micromag.Mesh1D;
import dev.spinnet.llg.micromag.WallProbe;
import dev.spinnet.llg.ode.DormandPrince45;
import dev.spinnet.llg.ode.StepObserver;

/**
 * Spot check of the collective model with the full 1D two-sublattice LLG at T = 0, on the free branch (x &gt; 0),
 * where the wall moves freely. Cells of 2 nm or Delta / 6, whichever is finer. The barrier branch (x &lt; 0) needs
 * a micromagnetic counterpart of the barrier potential: {@link LlgBarrierCheck}.
 */
public final class LlgSpotCheck {
    private LlgSpotCheck() {
    }

    /** Output (displacement / output unit) of the full LLG for input x &gt; 0. */
    public static double outputLlg(NeuronDesign d, double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("the LLG spot check covers the free branch x > 0, got " + x);
        }
        MaterialState s = d.state();
        double dx = Math.min(2e-9, s.wallWidth() / 6);
        double travel = 1.5 * x * d.outputUnit();
        double margin = 150e-9;
        int cells = (int) Math.ceil((travel + 2 * margin) / dx);
        Mesh1D mesh = new Mesh1D(cells, dx, d.crossSection());
        try (LlgEquation eq = FilmTrack.build(s, mesh, 0, d.pulse(x, 1.0), 0, 0, 0)) {
            double[] m = new double[mesh.stateLength()];
            WallProbe.setWall(mesh, m, margin, s.wallWidth(), 0.0);
            double q0 = WallProbe.positionFromIntegral(mesh, m);
            DormandPrince45 dp = new DormandPrince45(1e-6, 1e-6, 1e-20, 1e-12, 1e-15);
            double t = 0;
            for (double edge : d.pulse(x, 1.0).breakpoints()) {
                if (edge > t) {
                    t = dp.integrate(eq, t, m, edge, StepObserver.NONE);
                }
            }
            return (WallProbe.positionFromIntegral(mesh, m) - q0) / d.outputUnit();
        }
    }
}
