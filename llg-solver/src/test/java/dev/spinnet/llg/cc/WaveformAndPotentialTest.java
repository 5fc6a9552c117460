package dev.spinnet.llg.cc;

import static dev.spinnet.llg.material.PhysicalConstants.MU0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.spinnet.llg.material.Ferrimagnet;
import dev.spinnet.llg.material.MaterialState;
import dev.spinnet.llg.material.Presets;

class WaveformAndPotentialTest {
    final WallDynamicsSimulator sim = WallDynamicsSimulator.defaults();

    @Test
    void rectangularPulseShapeAndBreakpoints() {
        RectangularPulse p = new RectangularPulse(2e11, 1e-9, 0.2e-9, 1e-9, 0.4e-9);
        assertEquals(0, p.currentDensity(0.99e-9));
        assertEquals(1e11, p.currentDensity(1.1e-9), 1e-3);
        assertEquals(2e11, p.currentDensity(1.5e-9));
        assertEquals(1e11, p.currentDensity(2.4e-9), 1e-3);
        assertEquals(0, p.currentDensity(2.6e-9));
        assertArrayEquals(new double[] {1e-9, 1.2e-9, 2.2e-9, 2.6e-9}, p.breakpoints(), 1e-20);
        assertEquals(2e11 * 1.3e-9, p.chargeDensity(), 1);
        assertThrows(IllegalArgumentException.class, () -> new RectangularPulse(1, 0, -1e-9, 1, 0));
    }

    @Test
    void trainAndPiecewiseLinear() {
        PulseTrain tr = PulseTrain.uniform(1e11, 0, 0, 1e-9, 0, 2e-9, 3);
        assertEquals(1e11, tr.currentDensity(0.5e-9));
        assertEquals(0, tr.currentDensity(2e-9));
        assertEquals(1e11, tr.currentDensity(3.5e-9));
        assertEquals(1e11, tr.currentDensity(6.5e-9));
        assertEquals(0, tr.currentDensity(7.5e-9));
        assertEquals(6, tr.breakpoints().length);
        PiecewiseLinearCurrent pw = new PiecewiseLinearCurrent(new double[] {0, 1e-9, 1e-9, 3e-9},
                new double[] {0, 1e11, -1e11, 1e11});
        assertEquals(0.5e11, pw.currentDensity(0.5e-9), 1e-3);
        assertEquals(-1e11, pw.currentDensity(1e-9), 0, "right-continuous at a jump");
        assertEquals(0, pw.currentDensity(2e-9), 1e-3);
        assertEquals(1e11, pw.currentDensity(5e-9));
        assertArrayEquals(new double[] {0, 1e-9, 3e-9}, pw.breakpoints(), 0);
        assertThrows(IllegalArgumentException.class,
                () -> new PiecewiseLinearCurrent(new double[] {0, 2, 1}, new double[] {0, 0, 0}));
    }

    @Test
    void potentialForcesAreMinusGradient() {
        WallPotential[] ps = {new PeriodicPinning(1e-4, 50e-9, 3e-9),
            GaussianNotches.evenlySpaced(2e-4, 5e-9, 0, 40e-9, 5), new HarmonicConfinement(1e10, 20e-9),
            new TrackEnds(0, 100e-9, 1e12)};
        for (WallPotential p : ps) {
            for (double q = -20e-9; q < 200e-9; q += 3.7e-9) {
                double h = 1e-12;
                double numeric = -(p.energy(q + h) - p.energy(q - h)) / (2 * h);
                assertEquals(numeric, p.force(q), 1e-5 * Math.abs(numeric) + 1e-3, p + " at " + q);
            }
        }
    }

    @Test
    void linearRampPotentialActsLikeAField() {
        MaterialState s = Presets.coFerromagnet().withDmi(0).at(300);
        double h = 0.5 * s.walkerField();
        double slope = -2 * MU0 * s.mNet() * h; // U = -2 mu0 M H q
        WallPotential ramp = new WallPotential() {
            @Override
            public double energy(double q) {
                return slope * q;
            }

            @Override
            public double force(double q) {
                return -slope;
            }
        };
        WallTrajectory byField = sim.run(new CollectiveCoordinateModel(s, h, CurrentWaveform.constant(0),
                WallPotential.NONE), 0, Math.PI / 2, 0, 5e-9, 1e-10);
        WallTrajectory byRamp = sim.run(new CollectiveCoordinateModel(s, 0, CurrentWaveform.constant(0), ramp),
                0, Math.PI / 2, 0, 5e-9, 1e-10);
        assertEquals(byField.finalPosition(), byRamp.finalPosition(), 1e-9 * Math.abs(byField.finalPosition()));
    }

    @Test
    void notchesPinTheWallBetweenPulsesAndEachPulseAdvancesItOneNotch() {
        Ferrimagnet f = Presets.gdCo();
        MaterialState s = f.at(f.angularMomentumCompensation().getAsDouble());
        double spacing = 40e-9;
        // Gaussian wells 8 nm wide: max restoring pressure/2 = 0.61 U0 / (2 w) = 570 J/m^3 < (pi/2) J_s = 1800 J/m^3
        GaussianNotches notches = GaussianNotches.evenlySpaced(1.5e-5, 8e-9, 0, spacing, 12);
        // pulse long enough to depin and carry the wall ~ one spacing
        PulseTrain train = PulseTrain.uniform(3e11, 1e-9, 0.05e-9, 1.0e-9, 0.05e-9, 4.4e-9, 3);
        WallTrajectory tr = sim.run(new CollectiveCoordinateModel(s, 0, train, notches), 0, 0, 0, 18e-9, 1e-11);
        double[] t = tr.time();
        double[] q = tr.position();
        // before the first pulse the wall sits in the first notch
        assertEquals(0, tr.positionAt(0.9e-9), 1e-12);
        // after each pulse (in the gaps) the wall rests at a notch centre, one spacing further each time
        double prev = 0;
        for (int k = 0; k < 3; k++) {
            double gapEnd = 1e-9 + (k + 1) * 5.5e-9 - 0.1e-9;
            double qk = tr.positionAt(gapEnd);
            double nearest = Math.rint(qk / spacing) * spacing;
            System.out.printf("after pulse %d: q = %.2f nm%n", k + 1, qk * 1e9);
            assertEquals((k + 1) * spacing, qk, 0.5e-9, "rests in the next notch");
            assertTrue(qk > prev, "moves forward");
            prev = qk;
        }
        assertTrue(t.length > 100 && q.length == t.length);
        // exact states at the 4 breakpoints of each of the 3 pulses
        assertEquals(12, tr.edgeTime().length);
        assertEquals(1e-9, tr.edgeTime()[0], 1e-22);
        assertEquals(0.0, tr.edgePosition()[0], 1e-12);
        assertTrue(tr.edgePosition()[3] > 20e-9, "wall has moved by the end of the first pulse");
    }

    @Test
    void trackEndStopsTheWallAndDetectorStopsTheRun() {
        MaterialState s = Presets.coFerromagnet().at(300);
        CollectiveCoordinateModel free = new CollectiveCoordinateModel(s, 0, CurrentWaveform.constant(1e12),
                new TrackEnds(-1e-6, 500e-9, 1e14));
        WallTrajectory tr = sim.run(free, 0, 0, 0, 10e-9, 1e-10);
        // the wall (v ~ 255 m/s) reaches the end after ~2 ns and is held within pressure/k of it
        assertEquals(500e-9, tr.finalPosition(), 2e-9);
        WallTrajectory stopped = sim.run(free, 0, 0, 0, 10e-9, 1e-10, List.of(new WallPositionDetector(100e-9, 1e-11)));
        assertEquals(100e-9, stopped.finalPosition(), 1e-12);
        assertEquals(100e-9 / WallClosedForms.sotDmiVelocity(s, 1e12), stopped.finalTime(), 0.1e-9);
    }
}
