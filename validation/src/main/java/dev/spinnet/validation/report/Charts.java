package dev.spinnet.validation.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Line charts (JFreeChart, headless) for the report's curves. */
public final class Charts {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 520;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** One named curve: x and y of equal length. */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series " + name + ": " + x.length + " x values, " + y.length + " y");
            }
        }
    }

    private Charts() {
    }

    /**
     * Lines with point markers (a single-epoch curve is then still visible), optionally a vertical marker line.
     *
     * @param markerX x of a labelled vertical line, NaN for none
     */
    public static BufferedImage lines(String title, String xLabel, String yLabel, List<Series> series, double markerX,
            String markerLabel) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.y()[i])) {
                    xy.add(s.x()[i], s.y()[i]);
                }
            }
            data.addSeries(xy);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true,
                false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(r);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        integerTicksWhenWhole((NumberAxis) plot.getDomainAxis(), series);
        if (Double.isFinite(markerX)) {
            ValueMarker m = new ValueMarker(markerX, Color.DARK_GRAY, new BasicStroke(1.5f));
            m.setLabel(markerLabel);
            m.setLabelPaint(Color.DARK_GRAY);
            plot.addDomainMarker(m);
        }
        return chart.createBufferedImage(WIDTH, HEIGHT);
    }

    /** Epoch-like x values get integer ticks, and a single x value a visible range around it. */
    private static void integerTicksWhenWhole(NumberAxis axis, List<Series> series) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double x : s.x()) {
                if (x != Math.rint(x)) {
                    return;
                }
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        if (lo > hi) {
            return;
        }
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        if (lo == hi) {
            axis.setRange(lo - 1, hi + 1);
        }
    }
}
