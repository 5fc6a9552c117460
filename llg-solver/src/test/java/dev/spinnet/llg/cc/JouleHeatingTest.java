package dev.spinnet.llg.cc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.spinnet.llg.material.Ferrimagnet;
import dev.spinnet.llg.material.HeavyMetal;
import dev.spinnet.llg.material.Presets;

class JouleHeatingTest {
    final WallDynamicsSimulator sim = WallDynamicsSimulator.defaults();

    @Test
    void temperatureFollowsLumpedHeatingSolution() {
        Ferrimagnet f = Presets.gdCo();
        JouleHeating heat = new JouleHeating(290, 2.5e-14, 1e-9);
        double j = 1e12;
        RectangularPulse pulse = new RectangularPulse(j, 0, 0, 3e-9, 0);
        WallTrajectory tr = sim.run(new CollectiveCoordinateModel(f, heat, 0, pulse, WallPotential.NONE), 0, 0, 0,
                6e-9, 0.1e-9);
        double[] t = tr.time();
        double[] temp = tr.temperature();
        double rise = heat.kappa() * heat.coolingTime() * j * j; // 25 K
        for (int k = 0; k < t.length; k++) {
            double expected = t[k] <= 3e-9 ? 290 + rise * (1 - Math.exp(-t[k] / 1e-9))
                    : 290 + rise * (1 - Math.exp(-3.0)) * Math.exp(-(t[k] - 3e-9) / 1e-9);
            assertEquals(expected, temp[k], 1e-6, "T at t=" + t[k]);
        }
        assertEquals(290 + rise * (1 - Math.exp(-3.0)), tr.edgeTemperature()[0], 1e-6); // the edge at t0 is not "reached"
        assertTrue(tr.toCsv().startsWith("time_s,position_m,angle_rad,temperature_K"));
    }

    @Test
    void heatingIntoAngularCompensationGivesTheVelocityAtTa() {
        Ferrimagnet f = Presets.gdCo();
        double ta = f.angularMomentumCompensation().getAsDouble();
        double j = 1e12;
        // steady heating kappa tau j^2 = 25 K brings the film from T_A - 25 K to T_A
        JouleHeating heat = new JouleHeating(ta - 25, 25.0 / (1e-9 * j * j), 1e-9);
        WallTrajectory hot = sim.run(new CollectiveCoordinateModel(f, heat, 0, CurrentWaveform.constant(j),
                WallPotential.NONE), 0, 0, 0, 12e-9, 0.05e-9);
        double v = hot.meanVelocity(10e-9, 12e-9);
        double vTa = WallClosedForms.compensatedSotVelocity(f.at(ta), j);
        double vCold = WallClosedForms.sotDmiVelocity(f.at(ta - 25), j);
        System.out.printf("heated to T_A: v = %.2f m/s, closed form at T_A %.2f, unheated (T_A-25K) %.2f%n", v, vTa,
                vCold);
        assertEquals(vTa, v, 0.02 * vTa);
        assertTrue(v > 1.05 * vCold, "heating towards T_A speeds the wall up");
    }

    @Test
    void stackFactoryAndValidation() {
        JouleHeating h = JouleHeating.fromStack(300, HeavyMetal.PLATINUM, 5e-9, 10e-9, 3e6, 1e-9);
        assertEquals(2e-7 * 5e-9 / (3e6 * 10e-9), h.kappa(), 1e-30);
        assertThrows(IllegalArgumentException.class, () -> new JouleHeating(300, 1e-14, 0));
        assertThrows(IllegalArgumentException.class, () -> new JouleHeating(Double.NaN, 1e-14, 1e-9));
    }
}
