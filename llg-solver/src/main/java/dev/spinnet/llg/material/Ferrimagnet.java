package dev.spinnet.llg.material;

import static dev.spinnet.llg.material.Checks.finite;
import static dev.spinnet.llg.material.Checks.nonNegative;
import static dev.spinnet.llg.material.Checks.nonPositive;
import static dev.spinnet.llg.material.Checks.positive;

import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;

import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * Immutable SI parameter set of a two-sublattice ferrimagnetic film on a heavy metal.
 *
 * <p>Temperature enters only through the sublattice magnetisations {@link Sublattice#ms(double)};
 * A, K_u, K_perp and D are taken temperature independent (a deliberate simplification: near the
 * compensation points the dynamics is dominated by s_net(T), not by the slow variation of A, K, D).
 * The compensation temperatures are therefore not inputs: they emerge from the Ms(T) lines and
 * from g_TM != g_RE.
 *
 * @param tm                      transition-metal sublattice (the one whose m_z defines the wall orientation)
 * @param re                      rare-earth sublattice (Ms = 0 gives a ferromagnet)
 * @param exchangeStiffness       total intra-sublattice exchange stiffness A, J/m (> 0)
 * @param interSublatticeExchange antiparallel coupling energy density B_ex, J/m^3 (<= 0); energy -B_ex m_TM.m_RE
 * @param anisotropyKu            effective perpendicular uniaxial anisotropy K_eff, J/m^3 (> 0), thin-film
 *                                shape contribution already included (the 1D solver has no demagnetising field)
 * @param shapeAnisotropyKperp    in-plane, Bloch-favouring anisotropy K_perp, J/m^3 (>= 0), energy K_perp m_x^2
 * @param dmi                     interfacial DMI constant D, J/m^2 (D > 0 favours the phi = 0 Neel wall of the
 *                                collective model)
 * @param thickness               ferrimagnet thickness t_F, m (> 0)
 * @param heavyMetal              spin Hall underlayer
 */
public record Ferrimagnet(
        String name,
        Sublattice tm,
        Sublattice re,
        double exchangeStiffness,
        double interSublatticeExchange,
        double anisotropyKu,
        double shapeAnisotropyKperp,
        double dmi,
        double thickness,
        HeavyMetal heavyMetal) {

    /** Upper end (K) of the compensation search: far above any Curie temperature of interest. */
    private static final double T_SEARCH_MAX = 2000.0;
    private static final double T_SCAN_STEP = 0.5;

    public Ferrimagnet {
        Checks.notNull("name", name);
        Checks.notNull("tm sublattice", tm);
        Checks.notNull("re sublattice", re);
        Checks.notNull("heavyMetal", heavyMetal);
        positive("exchangeStiffness A (J/m)", exchangeStiffness);
        nonPositive("interSublatticeExchange B_ex (J/m^3)", interSublatticeExchange);
        positive("anisotropyKu (J/m^3)", anisotropyKu);
        nonNegative("shapeAnisotropyKperp (J/m^3)", shapeAnisotropyKperp);
        finite("dmi D (J/m^2)", dmi);
        positive("thickness t_F (m)", thickness);
        if (tm.ms0() == 0.0 && re.ms0() == 0.0) {
            throw new IllegalArgumentException("at least one sublattice needs ms0 > 0, got tm.ms0=0 and re.ms0=0");
        }
    }

    /** Derived quantities at temperature {@code temperature} (K, finite, >= 0). */
    public MaterialState at(double temperature) {
        nonNegative("temperature (K)", temperature);
        return new MaterialState(this, temperature);
    }

    /** Wall width Delta = sqrt(A / K_eff), m. */
    public double wallWidth() {
        return Math.sqrt(exchangeStiffness / anisotropyKu);
    }

    /** Same film with a different DMI constant (J/m^2); convenient for parameter sweeps. */
    public Ferrimagnet withDmi(double d) {
        return new Ferrimagnet(name, tm, re, exchangeStiffness, interSublatticeExchange, anisotropyKu,
                shapeAnisotropyKperp, d, thickness, heavyMetal);
    }

    /** Same film with a different in-plane anisotropy K_perp (J/m^3). */
    public Ferrimagnet withKperp(double kPerp) {
        return new Ferrimagnet(name, tm, re, exchangeStiffness, interSublatticeExchange, anisotropyKu,
                kPerp, dmi, thickness, heavyMetal);
    }

    /** Same film with both sublattice dampings replaced. */
    public Ferrimagnet withDamping(double alphaTm, double alphaRe) {
        return new Ferrimagnet(name, new Sublattice(tm.name(), tm.ms0(), tm.msSlope(), tm.g(), alphaTm),
                new Sublattice(re.name(), re.ms0(), re.msSlope(), re.g(), alphaRe), exchangeStiffness,
                interSublatticeExchange, anisotropyKu, shapeAnisotropyKperp, dmi, thickness, heavyMetal);
    }

    /** Magnetisation compensation temperature T_M (K) where M_TM = M_RE > 0, if any in [0, 2000 K]. */
    public OptionalDouble magnetisationCompensation() {
        return firstRoot(t -> tm.ms(t) - re.ms(t));
    }

    /** Angular-momentum compensation temperature T_A (K) where s_TM = s_RE > 0, if any in [0, 2000 K]. */
    public OptionalDouble angularMomentumCompensation() {
        return firstRoot(t -> tm.spinDensity(t) - re.spinDensity(t));
    }

    /**
     * First sign change of f on a 0.5 K grid, refined with Brent. Points where both sublattices
     * have vanished are excluded: there f = 0 trivially and nothing is compensated.
     */
    private OptionalDouble firstRoot(DoubleUnaryOperator f) {
        double tPrev = 0.0;
        double fPrev = f.applyAsDouble(0.0);
        for (double t = T_SCAN_STEP; t <= T_SEARCH_MAX; t += T_SCAN_STEP) {
            if (tm.ms(t) == 0.0 && re.ms(t) == 0.0) {
                break;
            }
            double ft = f.applyAsDouble(t);
            if (fPrev == 0.0) {
                return OptionalDouble.of(tPrev);
            }
            if (fPrev * ft < 0.0) {
                BrentSolver solver = new BrentSolver(1e-10, 1e-12);
                return OptionalDouble.of(solver.solve(200, f::applyAsDouble, tPrev, t));
            }
            tPrev = t;
            fPrev = ft;
        }
        return OptionalDouble.empty();
    }
}
