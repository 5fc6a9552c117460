package dev.spinnet.devicefit.physics;

import dev.spinnet.llg.material.Ferrimagnet;
import dev.spinnet.llg.material.Presets;
import dev.spinnet.llg.material.Sublattice;

/** Materials of the device designs, derived from the llg-solver presets. */
public final class DeviceMaterials {
    private DeviceMaterials() {
    }

    /**
     * GdCo on Pt ({@link Presets#gdCo()}) with the Gd content tuned so that angular-momentum compensation falls
     * at {@code temperature}: Gd's Ms(T) line is shifted (its slope kept) until s_Co = s_Gd there, i.e.
     * M_Gd = M_Co g_Gd / g_Co. Composition tuning of T_A by a few per cent Gd is how devices are made to work
     * at room temperature; everything else stays the preset's.
     */
    public static Ferrimagnet gdCoCompensatedAt(double temperature) {
        Ferrimagnet f = Presets.gdCo();
        Sublattice co = f.tm();
        Sublattice gd = f.re();
        double msGd = co.ms(temperature) * gd.g() / co.g();
        Sublattice tuned = new Sublattice(gd.name(), msGd + gd.msSlope() * temperature, gd.msSlope(), gd.g(),
                gd.alpha());
        return new Ferrimagnet("GdCo (T_A = " + temperature + " K)", co, tuned, f.exchangeStiffness(),
                f.interSublatticeExchange(), f.anisotropyKu(), f.shapeAnisotropyKperp(), f.dmi(), f.thickness(),
                f.heavyMetal());
    }

    /** Pt/Co ferromagnet ({@link Presets#coFerromagnet()}): the conventional-spintronics reference. */
    public static Ferrimagnet ptCo() {
        return Presets.coFerromagnet();
    }

    /** Bloch-wall energy per area 4 sqrt(A K_eff), J/m^2: the scale of geometric pinning (notches). */
    public static double wallEnergy(Ferrimagnet f) {
        return 4.0 * Math.sqrt(f.exchangeStiffness() * f.anisotropyKu());
    }
}
