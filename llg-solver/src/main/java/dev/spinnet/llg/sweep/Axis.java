package dev.spinnet.llg.sweep;

import java.util.Arrays;

/**
 * One sweep axis: a parameter and the values it takes (at least one, each valid for the parameter).
 * Immutable.
 */
public record Axis(SweepParameter parameter, double[] values) {

    public Axis {
        if (parameter == null) {
            throw new IllegalArgumentException("axis parameter must not be null");
        }
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("axis " + parameter.key() + " needs at least one value, got none");
        }
        values = values.clone();
        for (double v : values) {
            parameter.check(v);
        }
    }

    /** Axis from a name (see {@link SweepParameter#byName}) and a value text (see {@link #parseValues}). */
    public static Axis parse(String name, String text) {
        SweepParameter p = SweepParameter.byName(name);
        return new Axis(p, parseValues(p.key(), text));
    }

    /** Axis from a {@code name=values} text, e.g. {@code damping=0.01,0.02} or {@code D=0:3e-4:4}. */
    public static Axis parseAssignment(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("expected NAME=VALUES (e.g. damping=0.01,0.02), got '" + text + "'");
        }
        return parse(text.substring(0, eq), text.substring(eq + 1));
    }

    /**
     * Values from text: a comma list {@code a,b,c}, or an inclusive range {@code start:stop:count} with count
     * evenly spaced values ({@code start:stop:count:log} for geometric spacing, both ends of one sign and
     * non-zero). Ranges and single values may be mixed in a comma list: {@code 0,1e11:1e12:10}.
     */
    public static double[] parseValues(String what, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + ": empty value list");
        }
        double[] out = new double[0];
        for (String part : text.split(",", -1)) {
            String p = part.trim();
            if (p.isEmpty()) {
                throw new IllegalArgumentException(what + ": empty entry in '" + text + "'");
            }
            double[] add = p.indexOf(':') >= 0 ? range(what, p) : new double[] {number(what, p)};
            int n = out.length;
            out = Arrays.copyOf(out, n + add.length);
            System.arraycopy(add, 0, out, n, add.length);
        }
        return out;
    }

    private static double[] range(String what, String p) {
        String[] f = p.split(":", -1);
        boolean log = f.length == 4 && f[3].trim().equalsIgnoreCase("log");
        if (f.length != 3 && !log) {
            throw new IllegalArgumentException(what + ": a range is start:stop:count or start:stop:count:log, got '"
                    + p + "'");
        }
        double a = number(what, f[0].trim());
        double b = number(what, f[1].trim());
        int count;
        try {
            count = Integer.parseInt(f[2].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": range count must be an integer, got '" + f[2].trim() + "'");
        }
        if (count < 1) {
            throw new IllegalArgumentException(what + ": range count must be >= 1, got " + count);
        }
        if (count == 1 && a != b) {
            throw new IllegalArgumentException(what + ": a range of 1 value needs start == stop, got '" + p + "'");
        }
        if (log && !(a * b > 0)) {
            throw new IllegalArgumentException(what + ": a log range needs non-zero ends of one sign, got '" + p + "'");
        }
        double[] v = new double[count];
        for (int k = 0; k < count; k++) {
            double w = count == 1 ? 0.0 : (double) k / (count - 1);
            v[k] = log ? a * Math.pow(b / a, w) : a + (b - a) * w;
        }
        v[count - 1] = b; // exact end
        return v;
    }

    private static double number(String what, String s) {
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": not a number: '" + s + "'");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + ": value must be finite, got '" + s + "'");
        }
        return v;
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    public double value(int k) {
        return values[k];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Axis a && a.parameter == parameter && Arrays.equals(a.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * parameter.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return parameter.key() + "=" + Arrays.toString(values);
    }
}
