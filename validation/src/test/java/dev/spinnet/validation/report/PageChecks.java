package dev.spinnet.validation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Assertions on the DOM of a rendered report: every figure decoded, every table holds numbers. */
public final class PageChecks {
    private PageChecks() {
    }

    /** Checks the DOM dumped after load and returns the number of images. */
    public static int assertPageSound(String dom, int expectedImages) {
        Matcher body = Pattern.compile("<body[^>]*data-images=\"(\\d+)\"[^>]*data-images-loaded=\"(\\d+)\"").matcher(dom);
        assertTrue(body.find(), "the load script did not run (no data-images on <body>)");
        int images = Integer.parseInt(body.group(1));
        assertEquals(expectedImages, images, "images on the page");
        assertEquals(images, Integer.parseInt(body.group(2)), "every image must load");
        Matcher img = Pattern.compile("<img[^>]*>").matcher(dom);
        int seen = 0;
        while (img.find()) {
            Matcher w = Pattern.compile("data-natural-width=\"(\\d+)\"").matcher(img.group());
            assertTrue(w.find(), "image without a load record: " + img.group().substring(0, Math.min(120,
                    img.group().length())));
            assertTrue(Integer.parseInt(w.group(1)) > 0, "an image did not decode (naturalWidth 0)");
            seen++;
        }
        assertEquals(images, seen);
        Matcher table = Pattern.compile("<table>(.*?)</table>", Pattern.DOTALL).matcher(dom);
        int tables = 0;
        while (table.find()) {
            tables++;
            String t = table.group(1);
            Matcher num = Pattern.compile("<td class=\"num\" data-value=\"([^\"]+)\">([^<]*)</td>").matcher(t);
            int numbers = 0;
            while (num.find()) {
                double v = Double.parseDouble(num.group(1));
                assertTrue(Double.isFinite(v), "numeric cell " + num.group());
                String shown = num.group(2).replace(",", "").replace("+", "").trim();
                assertTrue(Double.isFinite(Double.parseDouble(shown)), "cell shows a number: " + num.group(2));
                numbers++;
            }
            assertTrue(numbers > 0, "table without numbers: " + t.substring(0, Math.min(200, t.length())));
        }
        assertTrue(tables > 0, "no tables on the page");
        return images;
    }
}
