package dev.spinnet.llg.micromag;

/**
 * Single-pass right-hand side for the standard film terms: per cell the effective field is accumulated in
 * registers and turned into the torque at once, with no field buffer and one sweep over the state instead
 * of one per term. Used by {@link LlgEquation} when its term list is a subsequence of
 * [Exchange, InterSublatticeExchange, UniaxialAnisotropy, ShapeAnisotropy, InterfacialDmi, Zeeman,
 * SpinOrbitTorque, Thermal] in this order (what {@link FilmTrack} builds). Every field component is summed in
 * the same order and with the same expressions as the term-by-term path, so the result is bit-identical
 * (tested); any other term list uses the generic path.
 */
final class FusedFilmKernel {
    private final Medium medium;
    private final Exchange exchange;
    private final InterSublatticeExchange inter;
    private final UniaxialAnisotropy uniaxial;
    private final ShapeAnisotropy shape;
    private final InterfacialDmi dmi;
    private final Zeeman zeeman;
    private final SpinOrbitTorque sot;
    private final Thermal thermal;

    private FusedFilmKernel(Medium medium, FieldTerm[] slots) {
        this.medium = medium;
        this.exchange = (Exchange) slots[0];
        this.inter = (InterSublatticeExchange) slots[1];
        this.uniaxial = (UniaxialAnisotropy) slots[2];
        this.shape = (ShapeAnisotropy) slots[3];
        this.dmi = (InterfacialDmi) slots[4];
        this.zeeman = (Zeeman) slots[5];
        this.sot = (SpinOrbitTorque) slots[6];
        this.thermal = (Thermal) slots[7];
    }

    private static final Class<?>[] ORDER = {Exchange.class, InterSublatticeExchange.class, UniaxialAnisotropy.class,
        ShapeAnisotropy.class, InterfacialDmi.class, Zeeman.class, SpinOrbitTorque.class, Thermal.class};

    /** The fused kernel for these terms, or null when they are not a subsequence of the standard order. */
    static FusedFilmKernel tryCreate(Medium medium, FieldTerm[] terms) {
        FieldTerm[] slots = new FieldTerm[ORDER.length];
        int next = 0;
        for (FieldTerm term : terms) {
            while (next < ORDER.length && ORDER[next] != term.getClass()) {
                next++;
            }
            if (next == ORDER.length) {
                return null;
            }
            slots[next++] = term;
        }
        return new FusedFilmKernel(medium, slots);
    }

    /** Writes dm/dt for cells [from, to) of both sublattices. */
    void evaluate(double t, double[] m, double[] dydt, int from, int to) {
        Mesh1D mesh = medium.mesh();
        int n = mesh.cells();
        double bdl = sot == null ? 0.0 : sot.bPerJ() * sot.current().currentDensity(t);
        boolean sotOn = sot != null && bdl != 0.0;
        double bfl = sotOn ? sot.chi() * bdl : 0.0;
        double[] noise = thermal != null && thermal.active() ? thermal.noise() : null;
        boolean hasEx = exchange != null;
        double cEx = hasEx ? exchange.coeff() : 0.0;
        boolean hasU = uniaxial != null;
        double cU = hasU ? uniaxial.coeff() : 0.0;
        boolean hasS = shape != null;
        double cS = hasS ? shape.coeff() : 0.0;
        boolean hasD = dmi != null;
        double cD = hasD ? dmi.coeff() : 0.0;
        boolean hasZ = zeeman != null;
        double zx = hasZ ? zeeman.bx() : 0.0;
        double zy = hasZ ? zeeman.by() : 0.0;
        double zz = hasZ ? zeeman.bz() : 0.0;
        boolean interOn = inter != null && inter.on();
        for (int s = 0; s < 2; s++) {
            int ox = mesh.offset(s, 0);
            int oy = mesh.offset(s, 1);
            int oz = mesh.offset(s, 2);
            if (!medium.active(s)) {
                java.util.Arrays.fill(dydt, ox + from, ox + to, 0.0);
                java.util.Arrays.fill(dydt, oy + from, oy + to, 0.0);
                java.util.Arrays.fill(dydt, oz + from, oz + to, 0.0);
                continue;
            }
            int px = mesh.offset(1 - s, 0);
            int py = mesh.offset(1 - s, 1);
            int pz = mesh.offset(1 - s, 2);
            double cI = interOn ? inter.bEx() / medium.ms(s) : 0.0;
            double alpha = medium.alpha(s);
            double pre = -medium.gamma(s) / (1.0 + alpha * alpha);
            for (int i = from; i < to; i++) {
                double mx = m[ox + i];
                double my = m[oy + i];
                double mz = m[oz + i];
                double bx = 0.0;
                double by = 0.0;
                double bz = 0.0;
                if (hasEx) {
                    double sx = 0.0;
                    double sy = 0.0;
                    double sz = 0.0;
                    if (i > 0) {
                        sx += m[ox + i - 1] - mx;
                        sy += m[oy + i - 1] - my;
                        sz += m[oz + i - 1] - mz;
                    }
                    if (i < n - 1) {
                        sx += m[ox + i + 1] - mx;
                        sy += m[oy + i + 1] - my;
                        sz += m[oz + i + 1] - mz;
                    }
                    bx += cEx * sx;
                    by += cEx * sy;
                    bz += cEx * sz;
                }
                if (interOn) {
                    bx += cI * m[px + i];
                    by += cI * m[py + i];
                    bz += cI * m[pz + i];
                }
                if (hasU) {
                    bz += cU * mz;
                }
                if (hasS) {
                    bx += cS * mx;
                }
                if (hasD) {
                    double zp = i < n - 1 ? m[oz + i + 1] : 0.0;
                    double zm = i > 0 ? m[oz + i - 1] : 0.0;
                    double xp = i < n - 1 ? m[ox + i + 1] : 0.0;
                    double xm = i > 0 ? m[ox + i - 1] : 0.0;
                    bx -= cD * (zp - zm);
                    bz += cD * (xp - xm);
                }
                if (hasZ) {
                    bx += zx;
                    by += zy;
                    bz += zz;
                }
                if (sotOn) {
                    bx -= bdl * mz;
                    by += bfl;
                    bz += bdl * mx;
                }
                if (noise != null) {
                    bx += noise[ox + i];
                    by += noise[oy + i];
                    bz += noise[oz + i];
                }
                double tx = my * bz - mz * by;
                double ty = mz * bx - mx * bz;
                double tz = mx * by - my * bx;
                double mb = mx * bx + my * by + mz * bz;
                double mm = mx * mx + my * my + mz * mz;
                dydt[ox + i] = pre * (tx + alpha * (mx * mb - bx * mm));
                dydt[oy + i] = pre * (ty + alpha * (my * mb - by * mm));
                dydt[oz + i] = pre * (tz + alpha * (mz * mb - bz * mm));
            }
        }
    }
}
