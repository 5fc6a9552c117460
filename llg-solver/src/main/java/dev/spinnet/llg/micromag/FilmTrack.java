package dev.spinnet.llg.micromag;

import static dev.spinnet.llg.material.PhysicalConstants.MU0;

import java.util.ArrayList;
import java.util.List;

import dev.spinnet.llg.cc.CurrentWaveform;
import dev.spinnet.llg.material.Ferrimagnet;
import dev.spinnet.llg.material.MaterialState;

/**
 * Assembles the standard term list of a film (material at one temperature) on a track: exchange,
 * inter-sublattice exchange, uniaxial and shape anisotropy, interfacial DMI, Zeeman (H_z), spin-orbit
 * torque and, when {@code noiseTemperature} &gt; 0, the thermal field.
 */
public final class FilmTrack {
    private FilmTrack() {
    }

    /**
     * @param hz               applied field H_z, A/m
     * @param current          heavy-metal current density j(t), A/m^2
     * @param chi              field-like / damping-like SOT ratio
     * @param noiseTemperature temperature of the thermal field, K (0: none)
     * @param seed             noise seed
     */
    public static LlgEquation build(MaterialState state, Mesh1D mesh, double hz, CurrentWaveform current,
            double chi, double noiseTemperature, long seed) {
        Ferrimagnet f = state.material();
        Medium medium = Medium.of(state, mesh);
        List<FieldTerm> terms = new ArrayList<>();
        terms.add(new Exchange(medium, f.exchangeStiffness()));
        terms.add(new InterSublatticeExchange(medium, f.interSublatticeExchange()));
        terms.add(new UniaxialAnisotropy(medium, f.anisotropyKu()));
        if (f.shapeAnisotropyKperp() != 0.0) {
            terms.add(new ShapeAnisotropy(medium, f.shapeAnisotropyKperp()));
        }
        if (f.dmi() != 0.0) {
            terms.add(new InterfacialDmi(medium, f.dmi()));
        }
        if (hz != 0.0) {
            terms.add(new Zeeman(medium, 0, 0, MU0 * hz));
        }
        terms.add(new SpinOrbitTorque(medium, f.heavyMetal().spinHallAngle(), f.thickness(), current, chi));
        if (noiseTemperature > 0.0) {
            terms.add(new Thermal(medium, noiseTemperature, seed));
        }
        return new LlgEquation(medium, terms);
    }
}
