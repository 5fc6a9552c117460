package dev.spinnet.validation.report;

import java.util.Locale;

/**
 * One table cell: text, and the number behind it when the cell is a measurement (rendered with class "num" and a
 * {@code data-value} attribute, so that a reader or a test can tell numbers from labels).
 */
public record Cell(String text, Double number) {

    public static Cell text(String s) {
        return new Cell(s, null);
    }

    /** A number printed with a format such as "%.2f"; NaN prints as "n/a" and stays a label. */
    public static Cell number(double v, String format) {
        if (!Double.isFinite(v)) {
            return new Cell("n/a", null);
        }
        return new Cell(String.format(Locale.ROOT, format, v), v);
    }

    /** An integer count, with thousands separators. */
    public static Cell count(long v) {
        return new Cell(String.format(Locale.ROOT, "%,d", v), (double) v);
    }

    public boolean numeric() {
        return number != null;
    }
}
