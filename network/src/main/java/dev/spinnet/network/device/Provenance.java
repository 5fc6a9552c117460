package dev.spinnet.network.device;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a device model came from, so that a file can be regenerated and judged without the code that made it.
 *
 * @param material     material preset and state, e.g. "GdCo (T_A tuned to 300 K) on Pt"
 * @param parameters   every physical input in SI units, keys carry the unit (e.g. "track_width_m",
 *                     "pulse_width_s"): material constants, geometry, drive and readout
 * @param solver       solver and settings used (collective model, integrator, step, spot checks)
 * @param temperatureK operating temperature of the statistics, K
 * @param seed         seed of every random choice (run i uses seed + i)
 * @param codeVersion  spinnet version that produced the file
 */
public record Provenance(String material, Map<String, Double> parameters, String solver, double temperatureK,
        long seed, String codeVersion) {

    public Provenance {
        Checks.text("provenance.material", material);
        Checks.text("provenance.solver", solver);
        Checks.text("provenance.code_version", codeVersion);
        Checks.finite("provenance.temperature_K", temperatureK);
        if (parameters == null) {
            throw new DeviceFormatException("provenance.parameters must not be null");
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : parameters.entrySet()) {
            Checks.finite("provenance.parameters." + e.getKey(), e.getValue() == null ? Double.NaN : e.getValue());
            copy.put(e.getKey(), e.getValue());
        }
        parameters = Collections.unmodifiableMap(copy);
    }
}
