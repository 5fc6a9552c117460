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

    /**
     * Two uncoupled sublattices with different Ms, gamma and alpha: each must equilibrate at its own
     * sigma_i = K_i V / (k_B T), K_i = K M_i / M_sum, which checks the per-sublattice noise amplitude
     * sqrt(2 alpha_i k_B T / (M_i gamma_i dV dt)).
     */
    @Test
    void eachSublatticeEquilibratesWithItsOwnNoise() {
        double temperature = 300;
        double k = 1.5e5;
        double msTm = 6e5;
        double msRe = 4e5;
        double kTm = k * msTm / (msTm + msRe);
        double kRe = k * msRe / (msTm + msRe);
        double volume = 3.0 * K_B * temperature / kTm; // sigma_TM = 3, sigma_RE = 2
        double dx = 5e-9;
        Mesh1D mesh = new Mesh1D(256, dx, volume / dx);
        Medium medium = new Medium(mesh, msTm, msRe, 1.9e11, 1.76e11, 0.3, 0.6);
        LlgEquation eq = new LlgEquation(medium,
                List.of(new UniaxialAnisotropy(medium, k), new Thermal(medium, temperature, 99L)));
        double[] m = new double[mesh.stateLength()];
        for (int i = 0; i < mesh.cells(); i++) {
            m[mesh.offset(0, 2) + i] = 1.0;
            m[mesh.offset(1, 2) + i] = -1.0;
        }
        StochasticHeun heun = new StochasticHeun(2e-13);
        heun.integrate(eq, 0, m, 2000, (t, y) -> { });
        double[] acc = new double[3];
        long[] step = {0};
        heun.integrate(eq, 0, m, 30000, (t, y) -> {
            if (step[0]++ % 20 == 0) {
                for (int i = 0; i < mesh.cells(); i++) {
                    double a = y[mesh.offset(0, 2) + i];
                    double b = y[mesh.offset(1, 2) + i];
                    acc[0] += a * a;
                    acc[1] += b * b;
                    acc[2] += 1;
                }
            }
        });
        double tm = acc[0] / acc[2];
        double re = acc[1] / acc[2];
        double eTm = boltzmannMz2(kTm * volume / (K_B * temperature));
        double eRe = boltzmannMz2(kRe * volume / (K_B * temperature));
        System.out.printf("thermal two sublattices: TM <m_z^2> %.4f vs %.4f, RE %.4f vs %.4f%n", tm, eTm, re, eRe);
        assertTrue(Math.abs(tm / eTm - 1) < 0.02, "TM " + tm + " vs " + eTm);
        assertTrue(Math.abs(re / eRe - 1) < 0.02, "RE " + re + " vs " + eRe);
    }
}
