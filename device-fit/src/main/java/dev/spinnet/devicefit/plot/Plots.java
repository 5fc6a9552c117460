package dev.spinnet.devicefit.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.ChartUtils;
import dev.spinnet.network.train.AtomicFiles;
import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import dev.spinnet.devicefit.fit.CurveFit;
import dev.spinnet.devicefit.fit.ExponentialNonlinearity;
import dev.spinnet.devicefit.neuron.NeuronResult;
import dev.spinnet.devicefit.synapse.SynapseResult;
import dev.spinnet.network.device.NeuronModel;
import dev.spinnet.network.device.SynapseModel;

/** PNG plots of every device curve with its fits (JFreeChart, headless). */
public final class Plots {
    private static final int W = 900;
    private static final int H = 560;
    private static final Color[] FIT_COLOURS = {new Color(0xD62728), new Color(0x1F77B4), new Color(0x2CA02C),
            new Color(0x9467BD), new Color(0x8C564B)};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    /** Transfer curve (T = 0 table), every candidate fit, and the 300 K mean +- sigma of the nominal device. */
    public static void neuron(NeuronResult r, Path png) throws IOException {
        NeuronModel m = r.model();
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries table = new XYSeries("collective model, T = 0");
        for (int i = 0; i < m.points(); i++) {
            table.add(m.x(i), m.y()[i]);
        }
        data.addSeries(table);
        List<CurveFit> fits = r.fits();
        for (CurveFit f : fits) {
            XYSeries s = new XYSeries(String.format(java.util.Locale.ROOT, "%s fit (R^2 %.5f, AIC %.0f)",
                    f.candidate().label(), f.r2(), f.aic()));
            for (int k = 0; k <= 400; k++) {
                double x = m.x0() + (m.x1() - m.x0()) * k / 400;
                s.add(x, f.value(x));
            }
            data.addSeries(s);
        }
        XYSeries mean = new XYSeries("300 K mean (nominal device)");
        XYSeries hi = new XYSeries("300 K mean +- sigma");
        XYSeries lo = new XYSeries("300 K mean - sigma");
        for (int i = 0; i < r.statInputs().length; i++) {
            mean.add(r.statInputs()[i], r.thermalMean()[i]);
            hi.add(r.statInputs()[i], r.thermalMean()[i] + r.thermalStd()[i]);
            lo.add(r.statInputs()[i], r.thermalMean()[i] - r.thermalStd()[i]);
        }
        data.addSeries(mean);
        data.addSeries(hi);
        data.addSeries(lo);
        XYLineAndShapeRenderer rr = new XYLineAndShapeRenderer();
        rr.setSeriesLinesVisible(0, false);
        rr.setSeriesShapesVisible(0, true);
        rr.setSeriesPaint(0, Color.BLACK);
        for (int k = 0; k < fits.size(); k++) {
            rr.setSeriesShapesVisible(k + 1, false);
            rr.setSeriesPaint(k + 1, FIT_COLOURS[k % FIT_COLOURS.length]);
            rr.setSeriesStroke(k + 1, new BasicStroke(k == 0 ? 2.0f : 1.2f));
        }
        int b = fits.size() + 1;
        rr.setSeriesLinesVisible(b, false);
        rr.setSeriesPaint(b, Color.ORANGE);
        for (int k = 1; k <= 2; k++) {
            rr.setSeriesShapesVisible(b + k, false);
            rr.setSeriesPaint(b + k, Color.ORANGE);
            rr.setSeriesStroke(b + k, new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                    new float[] {4f, 4f}, 0f));
        }
        rr.setSeriesVisibleInLegend(b + 2, false);
        XYPlot plot = new XYPlot(data, new NumberAxis(String.format(java.util.Locale.ROOT,
                "input x (current density / %.3g A/m^2, %.1f ns pulse)", m.inputUnitCurrentDensity(),
                m.pulseWidthS() * 1e9)), new NumberAxis(String.format(java.util.Locale.ROOT,
                "output y (wall displacement / %.0f nm)", m.outputUnitM() * 1e9)), rr);
        save(new JFreeChart(m.name() + ": transfer curve and fits (best by AIC: " + m.bestByAic() + ")",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true), png);
    }

    /** Potentiation then depression: T = 0 tables, exponential-model fits, 300 K mean +- sigma, sample cycles. */
    public static void synapse(SynapseResult r, Path png) throws IOException {
        SynapseModel m = r.model();
        int p = m.pulsesPerBranch();
        double g0 = m.gMinS();
        double scale = 1e6; // microsiemens
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries table = new XYSeries("collective model, T = 0");
        double[] up = m.potentiation();
        double[] down = m.depression();
        for (int n = 0; n <= p; n++) {
            table.add(n, up[n] * scale);
        }
        for (int n = 0; n <= p; n++) {
            table.add(p + n, down[n] * scale);
        }
        data.addSeries(table);
        XYSeries fit = new XYSeries(String.format(java.util.Locale.ROOT,
                "exponential model, NL up %.3f / down %.3f", m.potentiationNl().nl(), m.depressionNl().nl()));
        for (int n = 0; n <= p; n++) {
            fit.add(n, (up[0] + (up[p] - up[0]) * ExponentialNonlinearity.model(m.potentiationNl().nl(), n, p))
                    * scale);
        }
        for (int n = 0; n <= p; n++) {
            fit.add(p + n, (down[0] + (down[p] - down[0])
                    * ExponentialNonlinearity.model(m.depressionNl().nl(), n, p)) * scale);
        }
        data.addSeries(fit);
        XYSeries mean = new XYSeries("300 K mean (nominal device)");
        XYSeries hi = new XYSeries("300 K mean +- sigma");
        XYSeries lo = new XYSeries("300 K mean - sigma");
        for (int n = 0; n <= p; n++) {
            mean.add(n, r.meanUp()[n] * scale);
            hi.add(n, (r.meanUp()[n] + r.stdUp()[n]) * scale);
            lo.add(n, (r.meanUp()[n] - r.stdUp()[n]) * scale);
        }
        for (int n = 0; n <= p; n++) {
            mean.add(p + n, r.meanDown()[n] * scale);
            hi.add(p + n, (r.meanDown()[n] + r.stdDown()[n]) * scale);
            lo.add(p + n, (r.meanDown()[n] - r.stdDown()[n]) * scale);
        }
        data.addSeries(mean);
        data.addSeries(hi);
        data.addSeries(lo);
        int first = data.getSeriesCount();
        for (int c = 0; c < r.exampleCycles().length; c++) {
            XYSeries s = new XYSeries("300 K cycle " + (c + 1));
            for (int n = 0; n <= p; n++) {
                s.add(n, r.exampleCycles()[c][0][n] * scale);
            }
            for (int n = 0; n <= p; n++) {
                s.add(p + n, r.exampleCycles()[c][1][n] * scale);
            }
            data.addSeries(s);
        }
        XYLineAndShapeRenderer rr = new XYLineAndShapeRenderer();
        rr.setSeriesLinesVisible(0, false);
        rr.setSeriesPaint(0, Color.BLACK);
        rr.setSeriesShapesVisible(1, false);
        rr.setSeriesPaint(1, FIT_COLOURS[0]);
        rr.setSeriesStroke(1, new BasicStroke(2.0f));
        rr.setSeriesLinesVisible(2, false);
        rr.setSeriesPaint(2, Color.ORANGE);
        for (int k = 3; k <= 4; k++) {
            rr.setSeriesShapesVisible(k, false);
            rr.setSeriesPaint(k, Color.ORANGE);
            rr.setSeriesStroke(k, new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                    new float[] {4f, 4f}, 0f));
        }
        rr.setSeriesVisibleInLegend(4, false);
        for (int k = first; k < data.getSeriesCount(); k++) {
            rr.setSeriesShapesVisible(k, false);
            rr.setSeriesPaint(k, new Color(120, 120, 120, 140));
            rr.setSeriesVisibleInLegend(k, k == first);
        }
        NumberAxis yAxis = new NumberAxis("conductance G (uS)");
        yAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, new NumberAxis(String.format(java.util.Locale.ROOT,
                "pulse number (0..%d potentiation, %d..%d depression; %.3g A/m^2, %.0f ps)", p, p, 2 * p,
                m.pulseAmplitude(), m.pulseWidthS() * 1e12)), yAxis, rr);
        save(new JFreeChart(String.format(java.util.Locale.ROOT,
                "%s: %d states, c2c %.2f %%, d2d %.2f %%, G_min %.1f uS", m.name(), m.distinguishableStates(),
                100 * m.cycleToCycleSigma(), 100 * m.deviceToDeviceSigma(), g0 * scale),
                JFreeChart.DEFAULT_TITLE_FONT, plot, true), png);
    }

    private static void save(JFreeChart chart, Path png) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        // Encoded in memory (no ImageIO cache file), then written atomically like every other output.
        ImageIO.setUseCache(false);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(bytes, chart, W, H);
        AtomicFiles.write(png, out -> bytes.writeTo(out));
    }
}
