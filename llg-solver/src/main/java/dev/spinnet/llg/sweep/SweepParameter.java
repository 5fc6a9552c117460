package dev.spinnet.llg.sweep;

import java.util.Locale;

import dev.spinnet.llg.material.Ferrimagnet;
import dev.spinnet.llg.material.HeavyMetal;
import dev.spinnet.llg.material.Sublattice;

/**
 * A quantity a sweep can vary: the drive (current density, pulse width, temperature, field) or a material
 * constant that overrides the preset's value. Each has a CSV column name that carries its SI unit.
 */
public enum SweepParameter {
    /** Plateau current density of the pulse, A/m^2. */
    J("j", "j_A_per_m2", Range.FINITE, "current"),
    /** Plateau duration of the pulse, s. */
    PULSE_WIDTH("pulse_width", "pulse_width_s", Range.NON_NEGATIVE, "width", "pw"),
    /** Film temperature, K (sets Ms(T) of both sublattices). */
    TEMPERATURE("temperature", "temperature_K", Range.NON_NEGATIVE, "t", "temp"),
    /** Out-of-plane applied field H_z, A/m. */
    HZ("hz", "hz_A_per_m", Range.FINITE),
    /** Gilbert damping of both sublattices. */
    DAMPING("damping", "damping", Range.POSITIVE, "alpha"),
    /** Gilbert damping of the TM sublattice only. */
    ALPHA_TM("alpha_tm", "alpha_TM", Range.POSITIVE),
    /** Gilbert damping of the RE sublattice only. */
    ALPHA_RE("alpha_re", "alpha_RE", Range.POSITIVE),
    /** Interfacial DMI constant D, J/m^2. */
    DMI("d", "D_J_per_m2", Range.FINITE, "dmi"),
    /** In-plane (Bloch-favouring) anisotropy K_perp, J/m^3. */
    K_PERP("k_perp", "K_perp_J_per_m3", Range.NON_NEGATIVE, "kperp"),
    /** Effective perpendicular anisotropy K_eff, J/m^3. */
    K_U("k_u", "K_u_J_per_m3", Range.POSITIVE, "ku", "k_eff"),
    /** Exchange stiffness A, J/m. */
    A("a", "A_J_per_m", Range.POSITIVE, "exchange"),
    /** Inter-sublattice exchange B_ex, J/m^3 (<= 0). */
    B_EX("b_ex", "B_ex_J_per_m3", Range.NON_POSITIVE, "bex"),
    /** Spin Hall angle of the heavy metal. */
    THETA_SH("theta_sh", "theta_SH", Range.FINITE, "theta"),
    /** Ferrimagnet thickness t_F, m. */
    THICKNESS("t_f", "t_F_m", Range.POSITIVE, "thickness");

    enum Range { FINITE, POSITIVE, NON_NEGATIVE, NON_POSITIVE }

    private final String key;
    private final String column;
    private final Range range;
    private final String[] aliases;

    SweepParameter(String key, String column, Range range, String... aliases) {
        this.key = key;
        this.column = column;
        this.range = range;
        this.aliases = aliases;
    }

    /** Canonical lower-case name, e.g. "pulse_width". */
    public String key() {
        return key;
    }

    /** CSV column with the unit, e.g. "pulse_width_s". */
    public String column() {
        return column;
    }

    /** True for the drive quantities; the others override a material constant. */
    public boolean isDrive() {
        return this == J || this == PULSE_WIDTH || this == TEMPERATURE || this == HZ;
    }

    /** Looks a parameter up by name, column name or alias, ignoring case and '-' versus '_'. */
    public static SweepParameter byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (SweepParameter p : values()) {
            if (p.key.equals(n) || p.column.toLowerCase(Locale.ROOT).equals(n)) {
                return p;
            }
            for (String a : p.aliases) {
                if (a.equals(n)) {
                    return p;
                }
            }
        }
        StringBuilder known = new StringBuilder();
        for (SweepParameter p : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(p.key);
        }
        throw new IllegalArgumentException("unknown sweep parameter '" + name + "', expected one of " + known);
    }

    /** Throws a one-line error unless v is allowed for this parameter; returns v. */
    public double check(double v) {
        String what = key + " (" + column + ")";
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite, got " + v);
        }
        switch (range) {
            case POSITIVE -> {
                if (v <= 0) {
                    throw new IllegalArgumentException(what + " must be > 0, got " + v);
                }
            }
            case NON_NEGATIVE -> {
                if (v < 0) {
                    throw new IllegalArgumentException(what + " must be >= 0, got " + v);
                }
            }
            case NON_POSITIVE -> {
                if (v > 0) {
                    throw new IllegalArgumentException(what + " must be <= 0, got " + v);
                }
            }
            default -> { }
        }
        return v;
    }

    /** The film with this (material) parameter set to v; drive parameters leave the film unchanged. */
    public Ferrimagnet apply(Ferrimagnet f, double v) {
        Sublattice tm = f.tm();
        Sublattice re = f.re();
        HeavyMetal hm = f.heavyMetal();
        return switch (this) {
            case J, PULSE_WIDTH, TEMPERATURE, HZ -> f;
            case DAMPING -> f.withDamping(v, v);
            case ALPHA_TM -> f.withDamping(v, re.alpha());
            case ALPHA_RE -> f.withDamping(tm.alpha(), v);
            case DMI -> f.withDmi(v);
            case K_PERP -> f.withKperp(v);
            case K_U -> new Ferrimagnet(f.name(), tm, re, f.exchangeStiffness(), f.interSublatticeExchange(), v,
                    f.shapeAnisotropyKperp(), f.dmi(), f.thickness(), hm);
            case A -> new Ferrimagnet(f.name(), tm, re, v, f.interSublatticeExchange(), f.anisotropyKu(),
                    f.shapeAnisotropyKperp(), f.dmi(), f.thickness(), hm);
            case B_EX -> new Ferrimagnet(f.name(), tm, re, f.exchangeStiffness(), v, f.anisotropyKu(),
                    f.shapeAnisotropyKperp(), f.dmi(), f.thickness(), hm);
            case THETA_SH -> new Ferrimagnet(f.name(), tm, re, f.exchangeStiffness(), f.interSublatticeExchange(),
                    f.anisotropyKu(), f.shapeAnisotropyKperp(), f.dmi(), f.thickness(),
                    new HeavyMetal(hm.name(), v, hm.resistivity()));
            case THICKNESS -> new Ferrimagnet(f.name(), tm, re, f.exchangeStiffness(), f.interSublatticeExchange(),
                    f.anisotropyKu(), f.shapeAnisotropyKperp(), f.dmi(), v, hm);
        };
    }
}
