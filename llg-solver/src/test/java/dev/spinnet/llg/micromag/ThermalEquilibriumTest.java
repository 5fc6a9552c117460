package dev.spinnet.llg.micromag;

import static dev.spinnet.llg.material.PhysicalConstants.K_B;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.spinnet.llg.ode.StochasticHeun;

/**
 * Thermal equilibrium: uncoupled macrospins (a track without exchange) with uniaxial anisotropy under
 * Brown's thermal field and stochastic Heun must sample the Boltzmann distribution
 * P(theta) ~ sin(theta) exp(sigma cos^2 theta), sigma = K V / (k_B T).
 */
class ThermalEquilibriumTest {

    static double boltzmannMz2(double sigma) {
        // <x^2> with weight exp(sigma x^2) on [0, 1], Simpson with 2000 panels
        int n = 2000;
        double num = 0;
        double den = 0;
        for (int i = 0; i <= n; i++) {
            double x = (double) i / n;
            double w = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
            double p = Math.exp(sigma * x * x);
            num += w * x * x * p;
            den += w * p;
        }
        return num / den;
    }

    @Test
    void macrospinEnsembleFollowsBoltzmannAverage() {
        double temperature = 300;
        double k = 1e5;
        double ms = 1e6;
        double sigma = 3.0;
        double volume = sigma * K_B * temperature / k;
        double dx = 5e-9;
        Mesh1D mesh = new Mesh1D(256, dx, volume / dx);
        Medium medium = Medium.ferromagnet(mesh, ms, 1.76e11, 0.5);
        LlgEquation eq = new LlgEquation(medium,
                List.of(new UniaxialAnisotropy(medium, k), new Thermal(medium, temperature, 12345L)));
        double[] m = new double[mesh.stateLength()];
        for (int i = 0; i < mesh.cells(); i++) {
            m[mesh.offset(0, 2) + i] = 1.0;
        }
        StochasticHeun heun = new StochasticHeun(2e-13);
        heun.integrate(eq, 0, m, 2000, (t, y) -> { });
        double[] acc = new double[2];
        long[] step = {0};
        int oz = mesh.offset(0, 2);
        heun.integrate(eq, 0, m, 40000, (t, y) -> {
            if (step[0]++ % 20 == 0) {
                for (int i = 0; i < mesh.cells(); i++) {
                    acc[0] += y[oz + i] * y[oz + i];
                    acc[1] += 1;
                }
            }
        });
        double measured = acc[0] / acc[1];
        double expected = boltzmannMz2(sigma);
        double err = Math.abs(measured / expected - 1);
        System.out.printf("thermal: <m_z^2> = %.5f, Boltzmann %.5f (sigma = %.1f), rel err %.2e%n", measured,
                expected, sigma, err);
        assertTrue(err < 0.02, "thermal average off by " + err);
        // and clearly different from the zero-temperature value 1
        assertTrue(measured < 0.9);
    }
}
