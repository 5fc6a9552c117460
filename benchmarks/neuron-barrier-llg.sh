#!/usr/bin/env bash
# Full-LLG check of the neuron's barrier branch (x < 0) against the collective model, T = 0, for a barrier 16 wall
# widths deep (the validation of the mapping), the default
# ferri neuron, the shallow-barrier variant b18.75nm and the long-pulse variant long2.7ns (the last two have the
# same collective-model curve, 0.375 y_default(x / 0.375)); plus the zero-input drift of the LLG wall. Then the
# free branch inside and beyond the input grid (x = 1 .. 8) with Joule heating (HeatingCheck: lumped
# heating, c_v 3e6 J/(m^3 K), 1 ns cooling), which the tables leave out. About 16 s on 2 idle cores.
# Usage: benchmarks/neuron-barrier-llg.sh     (after ./spinnet has built validation/target/spinnet.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=validation/target/spinnet.jar
if [[ ! -f "$jar" ]]; then
    echo "neuron-barrier-llg.sh: $jar is missing; run ./spinnet --version once to build it" >&2
    exit 2
fi
jshell_bin=jshell
if [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/jshell ]]; then
    jshell_bin=/usr/lib/jvm/temurin-25-jdk-amd64/bin/jshell
fi
script=$(mktemp --suffix=.jsh)
trap 'rm -f "$script"' EXIT
cat > "$script" <<'JSH'
import dev.spinnet.devicefit.*;
import dev.spinnet.devicefit.neuron.*;
import java.util.Map;
var d0 = DeviceFit.neuron("ferri-neuron");
var designs = new java.util.LinkedHashMap<String, NeuronDesign>();
designs.put("deep (200 nm, factor 6: where the rigid wall should hold)", DesignOverrides.apply(d0,
        Map.of("barrierDepth", "200e-9", "barrierFactor", "6"), "deep200nm"));
designs.put("default (50 nm, 1 ns)", d0);
designs.put("b18.75nm", DesignOverrides.apply(d0, Map.of("barrierDepth", "18.75e-9", "barrierFactor", "0.5625"), "b18.75nm"));
designs.put("long2.7ns", DesignOverrides.apply(d0, Map.of("outputUnit", "133.33333333333334e-9",
        "pulseWidth", "2.6666666666666665e-9", "edgeTime", "133.33333333333334e-12", "barrierFactor", "0.5625",
        "trackLength", "1.6e-6"), "long2.7ns"));
System.out.println("| design | x | collective | full LLG | LLG / collective - 1 |");
System.out.println("| --- | ---: | ---: | ---: | ---: |");
for (var e : designs.entrySet()) {
    for (double x : new double[] {-0.5, -1, -2, -4}) {
        double cc = NeuronSimulator.outputT0(e.getValue(), NeuronVariant.NOMINAL, x);
        double llg = LlgBarrierCheck.outputLlgBarrier(e.getValue(), x);
        System.out.printf(java.util.Locale.ROOT, "| %s | %.1f | %.4f | %.4f | %+.1f %% |%n", e.getKey(), x, cc, llg,
                100 * (llg / cc - 1));
    }
    System.out.printf(java.util.Locale.ROOT, "| %s | 0 (no pulse: drift of the LLG wall from the foot) | 0 | %.4f | - |%n",
            e.getKey(), LlgBarrierCheck.outputLlgBarrier(e.getValue(), -1e-9));
}
System.out.println();
System.out.println("| design | x | collective, T = 0, no heating | with Joule heating | peak film temperature (K) |");
System.out.println("| --- | ---: | ---: | ---: | ---: |");
for (var e : designs.entrySet()) {
    if (e.getKey().startsWith("b18") || e.getKey().startsWith("deep")) {
        continue;
    }
    for (double x : new double[] {1, 2, 3, 4, 6, 8}) {
        double[] h = HeatingCheck.output(e.getValue(), x);
        System.out.printf(java.util.Locale.ROOT, "| %s | %.0f | %.4f | %.4f | %.1f |%n", e.getKey(), x,
                NeuronSimulator.outputT0(e.getValue(), NeuronVariant.NOMINAL, x), h[0], h[1]);
    }
}
/exit
JSH
"$jshell_bin" -R-Xss8m --class-path "$jar" "$script" 2>&1 | grep -v -e '^WARNING' -e 'prefs' -e 'setupUserRoot' || true
