package dev.spinnet.llg.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * The tidy results table: one row per run, in run order, columns {@code run}, the parameter columns (axis
 * order, unit in the name) and {@link RunResult#COLUMNS}. Numbers are written with {@link Double#toString}
 * (round-trip exact), booleans as 1/0.
 */
public final class SweepCsv {
    private SweepCsv() {
    }

    /** Header line without the newline. */
    public static String header(SweepSpec spec) {
        List<String> c = new ArrayList<>();
        c.add("run");
        c.addAll(spec.parameterColumns());
        c.addAll(List.of(RunResult.COLUMNS));
        return String.join(",", c);
    }

    public static int columnCount(SweepSpec spec) {
        return 1 + spec.axes().size() + RunResult.COLUMNS.length;
    }

    /** One row with its newline. */
    public static String row(RunResult r) {
        StringBuilder sb = new StringBuilder(160);
        sb.append(r.run());
        for (double v : r.point()) {
            sb.append(',').append(num(v));
        }
        sb.append(',').append(r.resultFields()).append('\n');
        return sb.toString();
    }

    static String num(double v) {
        return Double.toString(v);
    }

    /**
     * True when {@code line} (without its newline) is a complete, well-formed row of run {@code run} of this
     * spec: right column count, run index, parameter values equal to the spec's, parseable numbers, known
     * status. A torn or foreign line fails.
     */
    public static boolean isValidRow(SweepSpec spec, String line, int run) {
        String[] f = line.split(",", -1);
        if (f.length != columnCount(spec)) {
            return false;
        }
        try {
            if (Integer.parseInt(f[0]) != run) {
                return false;
            }
            double[] p = spec.point(run);
            for (int a = 0; a < p.length; a++) {
                if (Double.compare(Double.parseDouble(f[1 + a]), p[a]) != 0) {
                    return false;
                }
            }
            int o = 1 + p.length;
            for (int k = 0; k < RunResult.COLUMNS.length - 1; k++) {
                String s = f[o + k];
                if (RunResult.COLUMNS[k].equals("in_track")) {
                    if (!s.equals("0") && !s.equals("1")) {
                        return false;
                    }
                } else {
                    Double.parseDouble(s);
                }
            }
            String status = f[f.length - 1];
            return status.equals("ok") || status.equals("failed");
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
