package dev.spinnet.validation.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/** Raster figures drawn directly: tiles of small images (filters, feature maps) and a confusion-matrix heat map. */
public final class ImageGrids {
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** One tile: a channels x h x w array (1 channel: grey or diverging; 3 channels: RGB), row-major. */
    public record Tile(float[] data, int channels, int h, int w, boolean diverging) {
        public Tile {
            if (data.length != channels * h * w || (channels != 1 && channels != 3)) {
                throw new IllegalArgumentException("tile needs 1 or 3 channels of " + h + "x" + w + ", got "
                        + data.length + " values for " + channels + " channels");
            }
        }
    }

    private ImageGrids() {
    }

    /**
     * Rows of tiles, each tile scaled by {@code zoom}, with a label left of each row and a title on top. Each tile is
     * normalised on its own: grey maps min..max to black..white, diverging maps -max|v|..max|v| to blue..white..red,
     * RGB maps min..max of all three channels to 0..255.
     */
    public static BufferedImage grid(String title, List<String> rowLabels, List<List<Tile>> rows, int zoom) {
        int gap = 4;
        int labelW = 0;
        int cols = 0;
        int cellH = 0;
        int cellW = 0;
        for (List<Tile> row : rows) {
            cols = Math.max(cols, row.size());
            for (Tile t : row) {
                cellH = Math.max(cellH, t.h() * zoom);
                cellW = Math.max(cellW, t.w() * zoom);
            }
        }
        for (String l : rowLabels) {
            labelW = Math.max(labelW, 7 * l.length() + 10);
        }
        int top = 28;
        int width = Math.max(labelW + cols * (cellW + gap) + gap, 7 * title.length() + 20);
        int height = top + rows.size() * (cellH + gap) + gap;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img, title);
        for (int r = 0; r < rows.size(); r++) {
            int y = top + r * (cellH + gap);
            g.setColor(Color.BLACK);
            if (r < rowLabels.size()) {
                g.drawString(rowLabels.get(r), 6, y + cellH / 2 + 5);
            }
            List<Tile> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                draw(img, row.get(c), labelW + gap + c * (cellW + gap), y, zoom);
            }
        }
        g.dispose();
        return img;
    }

    /** White background, bold title at the top left; the returned graphics draw in the plain font, black. */
    private static Graphics2D canvas(BufferedImage img, String title) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(FONT.deriveFont(Font.BOLD, 14f));
        g.drawString(title, 8, 19);
        g.setFont(FONT);
        return g;
    }

    private static void draw(BufferedImage img, Tile t, int x0, int y0, int zoom) {
        int plane = t.h() * t.w();
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        float amax = 0;
        for (float v : t.data()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
            amax = Math.max(amax, Math.abs(v));
        }
        float range = hi > lo ? hi - lo : 1;
        for (int y = 0; y < t.h(); y++) {
            for (int x = 0; x < t.w(); x++) {
                int rgb;
                int i = y * t.w() + x;
                if (t.channels() == 3) {
                    int r = (int) (255 * (t.data()[i] - lo) / range);
                    int gr = (int) (255 * (t.data()[plane + i] - lo) / range);
                    int b = (int) (255 * (t.data()[2 * plane + i] - lo) / range);
                    rgb = (r << 16) | (gr << 8) | b;
                } else if (t.diverging()) {
                    float v = amax > 0 ? t.data()[i] / amax : 0;
                    int fade = (int) (255 * (1 - Math.abs(v)));
                    rgb = v >= 0 ? (255 << 16) | (fade << 8) | fade : (fade << 16) | (fade << 8) | 255;
                } else {
                    int gr = (int) (255 * (t.data()[i] - lo) / range);
                    rgb = (gr << 16) | (gr << 8) | gr;
                }
                for (int dy = 0; dy < zoom; dy++) {
                    for (int dx = 0; dx < zoom; dx++) {
                        img.setRGB(x0 + x * zoom + dx, y0 + y * zoom + dy, rgb);
                    }
                }
            }
        }
    }

    /** Confusion matrix heat map: rows true class, columns predicted class, counts written in the cells. */
    public static BufferedImage confusion(String title, long[][] m, List<String> classNames) {
        int k = m.length;
        int cell = 44;
        int left = 110;
        int top = 60;
        int width = left + k * cell + 20;
        int height = top + k * cell + 40;
        long max = 1;
        for (long[] row : m) {
            for (long v : row) {
                max = Math.max(max, v);
            }
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img, title);
        g.drawString("predicted class ->", left, top - 22);
        g.drawString("true class", 6, top - 6);
        for (int i = 0; i < k; i++) {
            String name = i < classNames.size() ? classNames.get(i) : Integer.toString(i);
            g.setColor(Color.BLACK);
            g.drawString(name.length() > 12 ? name.substring(0, 12) : name, 6, top + i * cell + cell / 2 + 5);
            g.drawString(Integer.toString(i), left + i * cell + cell / 2 - 4, top - 6);
            for (int j = 0; j < k; j++) {
                double f = Math.sqrt((double) m[i][j] / max);
                int shade = (int) (255 * (1 - f));
                g.setColor(new Color(shade, shade, 255));
                g.fillRect(left + j * cell, top + i * cell, cell - 1, cell - 1);
                g.setColor(f > 0.6 ? Color.WHITE : Color.BLACK);
                String s = String.format(Locale.ROOT, "%d", m[i][j]);
                g.drawString(s, left + j * cell + cell / 2 - 3 * s.length(), top + i * cell + cell / 2 + 5);
            }
        }
        g.dispose();
        return img;
    }
}
