package dev.spinnet.llg.material;

/**
 * Material presets. They are starting points (see the physics reference), chosen so that the
 * compensation points fall where the cited experiments put them; each preset's javadoc states
 * the design targets and sources.
 */
public final class Presets {
    private Presets() {
    }

    /** g factors of the reference: TM ~ 2.2, RE ~ 2.0. */
    public static final double G_TM = 2.2;
    public static final double G_RE = 2.0;

    /**
     * GdFeCo-like film on Pt.
     *
     * <p>Targets: T_M ~ 241 K and T_A ~ 260 K, as measured for GdFeCo by Kim et al., Nat. Mater. 16, 1187
     * (2017). The published 1D line set M_TM = (1242 - 0.6855 T) kA/m, M_RE = (1105 - 0.462 T) kA/m puts
     * T_A ~ 150 K and T_M ~ 613 K because its slopes are small compared with the offsets; we keep its
     * structure and g factors (2.2 / 2.0) but choose M_FeCo = (800 - 1.000 T) kA/m and
     * M_Gd = (1422.7 - 3.584 T) kA/m, which gives T_M = 241.0 K, T_A = 260.0 K (about 130 kA/m per
     * sublattice spread: |M_net| ~ 150 kA/m at 300 K). Damping 0.007 on both sublattices (reference:
     * ~0.007, roughly constant across T_A). A = 1.5 pJ/m and D = 0.25 mJ/m^2 from the reference's
     * continuum set; K_eff = 0.1 MJ/m^3 (the reference's 1 MJ/m^3 minus thin-film shape anisotropy and
     * low-Ms reduction), giving Delta = 3.9 nm; K_perp = 500 J/m^3; t_F = 5 nm; B_ex = -5e7 J/m^3
     * (~100 T exchange field on each sublattice).
     */
    public static Ferrimagnet gdFeCo() {
        return new Ferrimagnet("GdFeCo",
                new Sublattice("FeCo", 800.0e3, 1000.0, G_TM, 0.007),
                new Sublattice("Gd", 1422.7e3, 3584.0, G_RE, 0.007),
                1.5e-12, -5.0e7, 1.0e5, 500.0, 0.25e-3, 5.0e-9, HeavyMetal.PLATINUM);
    }

    /**
     * GdCo-like film on Pt (after Caretta et al., Nat. Nanotechnol. 13, 1154 (2018): Pt / Gd44Co56 6 nm,
     * wall speeds ~1.3 km/s at T_A near room temperature).
     *
     * <p>Targets T_M = 290 K and T_A = 315 K: M_Co = (1000 - 0.800 T) kA/m, M_Gd = (1788.8 - 3.520 T) kA/m,
     * g 2.2 / 2.0. Damping 0.1 (reference range 0.08 - 0.22), K_eff = 2e4 J/m^3 (reference 1e4 - 3e4),
     * A = 3 pJ/m (Delta = 12.2 nm), D = 0.15 mJ/m^2, K_perp = 1000 J/m^3, t_F = 6 nm, B_ex = -5e7 J/m^3.
     */
    public static Ferrimagnet gdCo() {
        return new Ferrimagnet("GdCo",
                new Sublattice("Co", 1000.0e3, 800.0, G_TM, 0.1),
                new Sublattice("Gd", 1788.8e3, 3520.0, G_RE, 0.1),
                3.0e-12, -5.0e7, 2.0e4, 1000.0, 0.15e-3, 6.0e-9, HeavyMetal.PLATINUM);
    }

    /**
     * Ferromagnetic reference: Pt/Co-like single sublattice (the RE sublattice carries no moment).
     * Ms = 1.1 MA/m (temperature independent here), g = 2.2, alpha = 0.1, A = 16 pJ/m, K_eff = 0.4 MJ/m^3
     * (Delta = 6.3 nm), D = 1.0 mJ/m^2 (below D_c = 4 sqrt(AK)/pi = 3.2 mJ/m^2), K_perp = 1.6e4 J/m^3
     * (thin-film Neel-wall magnetostatic cost N_x mu0 Ms^2/2 with N_x ~ t ln2/(pi Delta)), t_F = 0.6 nm.
     * No compensation points: s_net = s and M_net = Ms at every temperature.
     */
    public static Ferrimagnet coFerromagnet() {
        return new Ferrimagnet("Pt/Co",
                new Sublattice("Co", 1.1e6, 0.0, G_TM, 0.1),
                Sublattice.absent("none", G_RE, 0.1),
                1.6e-11, 0.0, 4.0e5, 1.6e4, 1.0e-3, 0.6e-9, HeavyMetal.PLATINUM);
    }

    /** Names accepted by {@link #byName}: gdfeco, gdco, co (case-insensitive; "pt/co" and "cofm" also mean co). */
    public static java.util.List<String> names() {
        return java.util.List.of("gdfeco", "gdco", "co");
    }

    /** The preset of a short name (see {@link #names()}); an unknown name throws with the accepted list. */
    public static Ferrimagnet byName(String name) {
        Checks.notNull("material name", name);
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "gdfeco" -> gdFeCo();
            case "gdco" -> gdCo();
            case "co", "pt/co", "cofm" -> coFerromagnet();
            default -> throw new IllegalArgumentException("unknown material '" + name + "', expected one of "
                    + String.join(", ", names()));
        };
    }
}
